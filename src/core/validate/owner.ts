// Owner rule: every gap needs a person or role who will close it.
import { isPlaceholder } from "./readings";
import { quoted } from "./text";
import type { RowRule } from "./types";

export const ownerMissing: RowRule = {
  id: "owner-missing",
  severity: "warning",
  scope: "row",
  description: "A gap (Partially Compliant or Non-Compliant) without an Owner",
  check(row, report) {
    if (!row.has("Owner")) return;
    if (row.effective !== "Partially Compliant" && row.effective !== "Non-Compliant") return;
    const owner = row.shown("Owner");
    if (owner !== "" && !isPlaceholder(owner)) return;
    const has = owner === "" ? "no Owner" : `the Owner ${quoted(owner)}, which names nobody`;
    report(
      row.at("Owner"),
      `${row.label} is a gap (${row.effective}) with ${has}. Name the person or role who will close it.`
    );
  },
};
