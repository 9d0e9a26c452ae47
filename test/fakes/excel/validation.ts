/** Range.dataValidation: rules, prompts and alerts recorded per rectangle, replacing what they cover. */
import { Rect, cellCount, intersect, qualify } from "./address";
import {
  RangeRef,
  ValidationEntry,
  defaultErrorAlert,
  defaultPrompt,
  splitValidation,
  validationType,
} from "./entities";
import { invalidArgument } from "./errors";
import { ClientObject, Exec, defineClass } from "./proxy";
import { rangeArg } from "./range";
import { SheetState } from "./state";
import { checkStructuredRefs } from "./structuredRefs";

const OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqualTo",
  "LessThanOrEqualTo",
];
const RULE_KEYS = ["list", "wholeNumber", "decimal", "date", "time", "textLength", "custom"];
const ALERT_STYLES = ["Stop", "Warning", "Information"];
/** Excel's limit for a literal (comma-separated) list source. */
const MAX_LIST_SOURCE = 255;

/**
 * Check a DataValidationRule and store it in Excel's form (a Range source becomes an absolute reference).
 * A formula source or custom formula naming a missing table or column is refused, as for cell formulas.
 */
function normaliseRule(
  rule: unknown,
  sheet: SheetState,
  at: { row: number; col: number },
  x: Exec
): Record<string, unknown> {
  const host = { sheet, row: at.row, col: at.col };
  if (!rule || typeof rule !== "object")
    throw invalidArgument("A data validation rule is required.", x.location);
  const keys = Object.keys(rule).filter(
    (k) =>
      (rule as Record<string, unknown>)[k] !== undefined &&
      (rule as Record<string, unknown>)[k] !== null
  );
  if (keys.length !== 1 || !RULE_KEYS.includes(keys[0])) {
    throw invalidArgument(`A rule needs exactly one of ${RULE_KEYS.join(", ")}.`, x.location);
  }
  const key = keys[0];
  const body = (rule as Record<string, Record<string, unknown>>)[key];
  if (key === "list") {
    let source = body.source;
    if (source instanceof ClientObject) {
      const r = rangeArg(source, sheet, x);
      source = `=${qualify(r.sheet.name, r.rect, true)}`;
    }
    if (typeof source !== "string" || source === "")
      throw invalidArgument("A list rule needs a source.", x.location);
    if (source.startsWith("=")) checkStructuredRefs(sheet.workbook, source, host, x.location);
    if (!source.startsWith("=") && source.length > MAX_LIST_SOURCE) {
      throw invalidArgument(
        `A literal list source is limited to ${MAX_LIST_SOURCE} characters (got ${source.length}).`,
        x.location
      );
    }
    return { list: { inCellDropDown: body.inCellDropDown ?? true, source } };
  }
  if (key === "custom") {
    if (typeof body.formula !== "string" || body.formula === "")
      throw invalidArgument("A custom rule needs a formula.", x.location);
    checkStructuredRefs(sheet.workbook, body.formula, host, x.location);
    return { custom: { formula: body.formula } };
  }
  if (!OPERATORS.includes(body.operator as string))
    throw invalidArgument(`Bad operator '${String(body.operator)}'.`, x.location);
  if (body.formula1 === undefined || body.formula1 === null || body.formula1 === "")
    throw invalidArgument("formula1 is required.", x.location);
  const between = body.operator === "Between" || body.operator === "NotBetween";
  if (between && (body.formula2 === undefined || body.formula2 === null || body.formula2 === "")) {
    throw invalidArgument("formula2 is required for Between/NotBetween.", x.location);
  }
  const out: Record<string, unknown> = { formula1: body.formula1, operator: body.operator };
  if (between) out.formula2 = body.formula2;
  return { [key]: out };
}

/** Entries touching the range and whether they cover it with one consistent setting. */
function covering(e: RangeRef): {
  entries: ValidationEntry[];
  uniform: ValidationEntry | null;
  covered: boolean;
} {
  const entries = e.sheet.dv.filter((v) => intersect(v.rect, e.rect));
  let area = 0;
  for (const v of entries) area += cellCount(intersect(v.rect, e.rect) as Rect);
  const covered = area === cellCount(e.rect);
  const same = entries.every(
    (v) => JSON.stringify({ ...v, rect: 0 }) === JSON.stringify({ ...entries[0], rect: 0 })
  );
  return { entries, uniform: covered && entries.length > 0 && same ? entries[0] : null, covered };
}

/** Update the settings inside the range; parts without validation get an "any value" entry. */
function updateInside(e: RangeRef, patch: (v: ValidationEntry) => void): void {
  const next: ValidationEntry[] = [];
  const inside: ValidationEntry[] = [];
  for (const v of e.sheet.dv) {
    const { inside: i, outside } = splitValidation(v, e.rect);
    next.push(...outside);
    if (i) inside.push(i);
  }
  let holes: Rect[] = [e.rect];
  for (const v of inside) holes = holes.flatMap((h) => subtractRect(h, v.rect));
  for (const h of holes)
    inside.push({
      rect: h,
      rule: null,
      prompt: defaultPrompt(),
      errorAlert: defaultErrorAlert(),
      ignoreBlanks: true,
    });
  for (const v of inside) patch(v);
  e.sheet.dv = [...next, ...inside];
}

function subtractRect(a: Rect, b: Rect): Rect[] {
  return splitValidation(
    {
      rect: a,
      rule: null,
      prompt: defaultPrompt(),
      errorAlert: defaultErrorAlert(),
      ignoreBlanks: true,
    },
    b
  ).outside.map((v) => v.rect);
}

function checkObject(
  v: unknown,
  fields: Record<string, "string" | "boolean">,
  x: Exec
): Record<string, unknown> {
  if (!v || typeof v !== "object") throw invalidArgument("Expected an object.", x.location);
  for (const [k, val] of Object.entries(v)) {
    if (!(k in fields)) throw invalidArgument(`Unknown field '${k}'.`, x.location);
    if (val !== undefined && typeof val !== fields[k])
      throw invalidArgument(`'${k}' must be a ${fields[k]}.`, x.location);
  }
  return v as Record<string, unknown>;
}

export class DataValidation extends ClientObject {
  clear(): void {
    this._call("clear", [], (e: RangeRef, x) => {
      e.sheet.assertAllowed(null, x.location);
      e.sheet.dv = e.sheet.dv.flatMap((v) => splitValidation(v, e.rect).outside);
    });
  }
}

defineClass(DataValidation, {
  name: "DataValidation",
  props: {
    rule: {
      get: (e: RangeRef) => {
        const { uniform } = covering(e);
        return uniform?.rule ? JSON.parse(JSON.stringify(uniform.rule)) : null;
      },
      set: (e: RangeRef, v, x) => {
        e.sheet.assertAllowed(null, x.location);
        const rule = normaliseRule(v, e.sheet, { row: e.rect.r0, col: e.rect.c0 }, x);
        const same = e.sheet.dv.find(
          (d) =>
            d.rect.r0 === e.rect.r0 &&
            d.rect.c0 === e.rect.c0 &&
            d.rect.r1 === e.rect.r1 &&
            d.rect.c1 === e.rect.c1
        );
        e.sheet.dv = e.sheet.dv.flatMap((d) => splitValidation(d, e.rect).outside);
        e.sheet.dv.push({
          rect: e.rect,
          rule,
          prompt: same ? same.prompt : defaultPrompt(),
          errorAlert: same ? same.errorAlert : defaultErrorAlert(),
          ignoreBlanks: same ? same.ignoreBlanks : true,
        });
      },
    },
    type: {
      get: (e: RangeRef) => {
        const { entries, uniform } = covering(e);
        if (entries.length === 0) return "None";
        return uniform ? validationType(uniform.rule) : "Inconsistent";
      },
    },
    prompt: {
      get: (e: RangeRef) => ({ ...(covering(e).uniform?.prompt ?? defaultPrompt()) }),
      set: (e: RangeRef, v, x) => {
        const p = checkObject(v, { message: "string", showPrompt: "boolean", title: "string" }, x);
        e.sheet.assertAllowed(null, x.location);
        updateInside(e, (d) => {
          d.prompt = { ...d.prompt, ...(p as Partial<ValidationEntry["prompt"]>) };
        });
      },
    },
    errorAlert: {
      get: (e: RangeRef) => ({ ...(covering(e).uniform?.errorAlert ?? defaultErrorAlert()) }),
      set: (e: RangeRef, v, x) => {
        const a = checkObject(
          v,
          { message: "string", showAlert: "boolean", style: "string", title: "string" },
          x
        );
        if (a.style !== undefined && !ALERT_STYLES.includes(a.style as string))
          throw invalidArgument(`Bad alert style '${String(a.style)}'.`, x.location);
        e.sheet.assertAllowed(null, x.location);
        updateInside(e, (d) => {
          d.errorAlert = { ...d.errorAlert, ...(a as Partial<ValidationEntry["errorAlert"]>) };
        });
      },
    },
    ignoreBlanks: {
      get: (e: RangeRef) => covering(e).uniform?.ignoreBlanks ?? true,
      set: (e: RangeRef, v, x) => {
        if (typeof v !== "boolean") throw invalidArgument("Expected a boolean.", x.location);
        e.sheet.assertAllowed(null, x.location);
        updateInside(e, (d) => {
          d.ignoreBlanks = v;
        });
      },
    },
    // Values are not checked against the rules; the fake reports them valid.
    valid: { get: () => true },
  },
  nav: {},
});
