// Extension point for `Remediation Plan` rules (owner or due date missing, due before start,
// overdue and not done). The plan issue defines that sheet's columns and adds its rules here;
// validate.ts already runs PLAN_RULES over the plan snapshot whenever the workbook has one.
import type { PlanRule } from './types';

/** Rule ids of the plan rules; widen this union when adding them (e.g. 'plan-owner-missing'). */
export type PlanRuleId = never;

/** Rules over the `Remediation Plan` sheet; each receives its snapshot and `today`. */
export const PLAN_RULES: readonly PlanRule[] = [];
