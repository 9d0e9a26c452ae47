// Colours and styles shared by every sheet the builder lays out.
import type { CellStyle } from "./workbookPlan";

export const COLORS = {
  brand: "#217346",
  brandLight: "#E2EFDA",
  header: "#1E5E3B",
  muted: "#595959",
  inputFill: "#FFFFFF",
  formulaFill: "#F2F2F2",
  compliant: { fill: "#C6EFCE", font: "#006100" },
  partial: { fill: "#FFEB9C", font: "#9C5700" },
  nonCompliant: { fill: "#FFC7CE", font: "#9C0006" },
  notApplicable: { fill: "#EDEDED", font: "#595959" },
  problem: { fill: "#FF9999", font: "#7F0000" },
  risk: {
    Low: { fill: "#C6EFCE", font: "#006100" },
    Medium: { fill: "#FFEB9C", font: "#9C5700" },
    High: { fill: "#F8CBAD", font: "#833C0B" },
    Critical: { fill: "#C00000", font: "#FFFFFF" },
  },
} as const;

export const TITLE: CellStyle = { bold: true, fontSize: 16, fontColor: COLORS.brand };
export const SUBTITLE: CellStyle = { italic: true, fontColor: COLORS.muted };
export const SECTION: CellStyle = { bold: true, fontSize: 12, fontColor: COLORS.header };
export const HEADER: CellStyle = {
  bold: true,
  fill: COLORS.header,
  fontColor: "#FFFFFF",
  wrap: true,
  vAlign: "center",
};
export const INPUT: CellStyle = { locked: false, vAlign: "top", wrap: true };
export const FORMULA: CellStyle = { fill: COLORS.formulaFill, vAlign: "top", hAlign: "center" };
export const CATALOG_TEXT: CellStyle = { wrap: true, vAlign: "top" };
