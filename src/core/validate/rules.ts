// The rule table: every validation rule, in the order reports list them. Data that validate.ts walks.
import { applicableConflict, applicableInvalid, justificationMissing } from "./applicability";
import { evidenceMissing, evidencePlaceholder } from "./evidence";
import { formulaOverwritten } from "./formulas";
import { idDuplicate, idUnknown, rowMissing } from "./ids";
import { ownerMissing } from "./owner";
import { REMEDIATION_RULES } from "./remediationPlan";
import { riskMissing, riskOutOfRange } from "./risk";
import { columnMissing, columnNew, sheetMissing } from "./sheets";
import { clauseNotApplicable, notAssessed, statusCase, statusInvalid } from "./status";
import { readinessBlocker } from "./readiness";
import { reviewAnswered, reviewInvalid, reviewOpen } from "./review";
import { soaRiskExcluded } from "./soaRisks";
import { compliantByInterviewOnly, ownerNotInTeam } from "./team";
import type { Rule } from "./types";

/** Rules over `Clauses 4-10` and `Annex A`. */
export const ASSESSMENT_RULES: readonly Rule[] = [
  sheetMissing,
  columnMissing,
  columnNew,
  idUnknown,
  idDuplicate,
  rowMissing,
  statusInvalid,
  statusCase,
  clauseNotApplicable,
  applicableInvalid,
  applicableConflict,
  justificationMissing,
  evidenceMissing,
  evidencePlaceholder,
  riskOutOfRange,
  riskMissing,
  ownerMissing,
  ownerNotInTeam,
  compliantByInterviewOnly,
  formulaOverwritten,
  reviewInvalid,
  notAssessed,
  reviewOpen,
  reviewAnswered,
  soaRiskExcluded,
  readinessBlocker,
];

/** Every rule, assessment sheets first, then the Remediation Plan extension point. */
export const RULES: readonly Rule[] = [...ASSESSMENT_RULES, ...REMEDIATION_RULES];
