// Risk rules: Likelihood and Impact are whole numbers 1-5, and every gap is rated.
import { ratingLabel, readRating } from "./readings";
import { quoted } from "./text";
import type { RowRule, RowView } from "./types";

const RATINGS = ["Likelihood", "Impact"] as const;

const isGap = (row: RowView): boolean =>
  row.effective === "Partially Compliant" || row.effective === "Non-Compliant";

export const riskOutOfRange: RowRule = {
  id: "risk-out-of-range",
  severity: "error",
  scope: "row",
  description:
    "Likelihood or Impact that is not a whole number from 1 to 5 (including numbers stored as text)",
  check(row, report) {
    for (const scale of RATINGS) {
      if (!row.has(scale)) continue;
      const reading = readRating(row.value(scale), scale);
      const range = `Use a whole number from ${ratingLabel(scale, 1)} to ${ratingLabel(scale, 5)}.`;
      let message: string | null = null;
      switch (reading.kind) {
        case "blank":
        case "ok":
          break;
        case "out-of-range":
          message = `${scale} ${reading.value} is not a whole number from 1 to 5. ${range}`;
          break;
        case "text-number": {
          const fits = Number.isInteger(reading.value) && reading.value >= 1 && reading.value <= 5;
          message =
            `${scale} ${quoted(reading.raw)} is stored as text, not as a number, so the Risk score formula and the 1-5 list ignore it. ` +
            (fits ? `Clear the cell and type the number ${reading.value}.` : range);
          break;
        }
        case "label":
          message = `${scale} ${quoted(reading.raw)} is a scale label; the formulas need its number. Enter ${reading.value}.`;
          break;
        case "invalid":
          message = `${scale} ${quoted(reading.raw)} is not a whole number from 1 to 5. ${range}`;
          break;
      }
      if (message) report(row.at(scale), `${row.label}: ${message}`);
    }
  },
};

export const riskMissing: RowRule = {
  id: "risk-missing",
  severity: "warning",
  scope: "row",
  description: "A gap (Partially Compliant or Non-Compliant) without Likelihood and Impact",
  check(row, report) {
    if (!isGap(row)) return;
    const missing = RATINGS.filter(
      (s) => row.has(s) && readRating(row.value(s), s).kind === "blank"
    );
    if (missing.length === 0) return;
    const what = missing.length === 2 ? "no Likelihood and no Impact" : `no ${missing[0]}`;
    report(
      row.at(missing[0]),
      `${row.label} is ${row.effective} but has ${what}, so it gets no risk score or priority. Rate ${missing.length === 2 ? "both" : "it"} from 1 to 5.`
    );
  },
};
