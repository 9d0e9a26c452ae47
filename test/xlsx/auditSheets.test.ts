// The audit sheets on files: a rebuild keeps every value typed on the Statement of Applicability,
// Documents, Risk Register and Snapshot History (and restores formulas typed over); protection locks
// every formula and catalog cell and leaves every input column open, without a password.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import {
  SCORE_COLUMNS,
  CATALOG_COLUMNS,
  PROTECTED_SHEETS,
  SHEETS,
  SOA_COLUMNS,
  SOA_REASON_COLUMNS,
} from "../../src/core/contract";
import { TABLE_HEADER_ROW } from "../../src/core/layout/assessmentSheet";
import { DOCUMENTS_HEADER_ROW } from "../../src/core/layout/documentsSheet";
import { HISTORY_HEADER_ROW } from "../../src/core/layout/historySheet";
import { REMEDIATION_HEADER_ROW } from "../../src/core/layout/remediationSheet";
import { RISK_HEADER_ROW, RISK_SPARE_ROWS } from "../../src/core/layout/riskRegisterSheet";
import { SOA_APPROVAL_ROW, SOA_HEADER_ROW } from "../../src/core/layout/soaSheet";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { headerColumns, openWorkbook, rowById } from "../support/workbookFiles";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-audit-"));
const file = (n: string): string => path.join(dir, n);

const open = openWorkbook;
const sheet = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};
const headers = headerColumns;
const rowOf = rowById;
const isFormula = (v: ExcelJS.CellValue): boolean =>
  typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v);
const date = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/** Every value a person typed, as [sheet, locator, column, value]; the locator is a row id or a row number. */
type Typed = [string, string | number, string, ExcelJS.CellValue];

// Issue 17: inclusion reasons are Yes columns; the justification is typed once, on Annex A.
const TYPED_SOA: Typed[] = [
  [SHEETS.soa, "5.1", "Contractual", "Yes"],
  [SHEETS.soa, "7.4", "Best practice", "Yes"],
  [SHEETS.soa, "8.34", "Board ref", "BR-2026-3"],
];
/** What an earlier SoA held: a "Reason type" column and justifications typed on the SoA. */
const LEGACY_SOA: Typed[] = [
  [SHEETS.soa, "5.1", "Reason type", "Risk assessment"],
  [SHEETS.soa, "5.1", "Justification", "Treats R-01; =not a formula"],
  [SHEETS.soa, "7.4", "Reason type", "Not relevant"],
  [SHEETS.soa, "7.4", "Justification", "We have no premises of our own"],
];
const TYPED_DOCS: Typed[] = [
  [SHEETS.documents, "isms-scope", "Exists", "Yes"],
  [SHEETS.documents, "isms-scope", "Location or link", "https://intranet.example/isms/scope"],
  [SHEETS.documents, "isms-scope", "Owner", "CISO"],
  [SHEETS.documents, "isms-scope", "Last review", date(2025, 11, 3)],
  [SHEETS.documents, "isms-scope", "Months between reviews", 24],
  [SHEETS.documents, "isms-scope", "Notes", "Approved by the board"],
  [SHEETS.documents, "event-logs", "Exists", "Partly"],
  [SHEETS.documents, "event-logs", "Months between reviews", null],
  [SHEETS.documents, "event-logs", "Evidence folder", "SharePoint/Logs"],
];

describe("rebuilding keeps every value typed on the audit sheets", () => {
  let typedRisks: Record<string, ExcelJS.CellValue>[] = [];

  beforeAll(async () => {
    await buildAssessmentFile({ out: file("v1.xlsx"), org: "Acme", start: 46000 });
    const wb = await open(file("v1.xlsx"));
    const soa = sheet(wb, SHEETS.soa);
    soa.getCell(SOA_HEADER_ROW, SOA_COLUMNS.length + 1).value = "Board ref";
    soa.getCell(SOA_HEADER_ROW, SOA_COLUMNS.length + 2).value = "Reason type";
    const sc = headers(soa, SOA_HEADER_ROW);
    for (const [, id, column, value] of [...TYPED_SOA, ...LEGACY_SOA])
      soa.getCell(rowOf(soa, SOA_HEADER_ROW, String(id)), sc.get(column) as number).value = value;
    soa.getCell(rowOf(soa, SOA_HEADER_ROW, "5.2"), sc.get("Applicable") as number).value =
      "typed over a formula";
    ["2.0", "ISMS lead", "Managing director", date(2026, 3, 31)].forEach((v, i) => {
      soa.getCell(SOA_APPROVAL_ROW + i, 3).value = v;
    });

    const docs = sheet(wb, SHEETS.documents);
    docs.getCell(DOCUMENTS_HEADER_ROW, 13).value = "Evidence folder";
    const dc = headers(docs, DOCUMENTS_HEADER_ROW);
    for (const [, id, column, value] of TYPED_DOCS)
      docs.getCell(rowOf(docs, DOCUMENTS_HEADER_ROW, String(id)), dc.get(column) as number).value =
        value;
    const own = rowOf(docs, DOCUMENTS_HEADER_ROW, "event-logs") + 3; // leaves two spare rows empty above it
    docs.getCell(own, dc.get("ID") as number).value = "byod";
    docs.getCell(own, dc.get("Document") as number).value = "Bring your own device rules";
    docs.getCell(own, dc.get("Kind") as number).value = "Document";
    docs.getCell(own, dc.get("Clause") as number).value = "A.6.7";
    docs.getCell(own, dc.get("Exists") as number).value = "No";

    const risks = sheet(wb, SHEETS.risks);
    risks.getCell(RISK_HEADER_ROW, 18).value = "Cost";
    const rc = headers(risks, RISK_HEADER_ROW);
    typedRisks = [
      {
        ID: "R-01",
        "Asset or process": "CRM",
        Threat: "Ransomware",
        Vulnerability: "Unpatched server",
        Likelihood: 4,
        Impact: 5,
        Treatment: "Mitigate",
        "Annex A controls": "8.8, 8.13",
        "Residual likelihood": 2,
        "Residual impact": 4,
        Owner: "Ops",
        "Review date": date(2026, 6, 30),
        Notes: "Quarterly",
        Cost: 1200,
      },
      {
        ID: null,
        "Asset or process": null,
        Threat: "Only a threat so far",
        Vulnerability: null,
        Likelihood: null,
        Impact: null,
        Treatment: null,
        "Annex A controls": null,
        "Residual likelihood": null,
        "Residual impact": null,
        Owner: null,
        "Review date": null,
        Notes: null,
        Cost: null,
      },
      {
        ID: "R-03",
        "Asset or process": "Laptops",
        Threat: "Theft",
        Vulnerability: null,
        Likelihood: 3,
        Impact: 3,
        Treatment: "Transfer",
        "Annex A controls": "A.7.9",
        "Residual likelihood": null,
        "Residual impact": null,
        Owner: null,
        "Review date": null,
        Notes: null,
        Cost: null,
      },
    ];
    typedRisks.forEach((risk, i) => {
      // Rows 1, 3 and 5 of the table, with empty rows between them.
      for (const [column, value] of Object.entries(risk))
        risks.getCell(RISK_HEADER_ROW + 1 + i * 2, rc.get(column) as number).value = value;
    });
    risks.getCell(RISK_HEADER_ROW + 1, rc.get("Inherent risk") as number).value = 99; // typed over a formula

    const history = sheet(wb, SHEETS.history);
    history.getCell(HISTORY_HEADER_ROW, 12).value = "Auditor";
    const hc = headers(history, HISTORY_HEADER_ROW);
    const past: Record<string, ExcelJS.CellValue> = {
      Date: date(2025, 10, 1),
      Overall: 0.42,
      "Clauses 4-10": 0.5,
      "Annex A": 0.4,
      Compliant: 20,
      "Partially Compliant": 10,
      "Non-Compliant": 30,
      "Not Applicable": 3,
      "Not Assessed": 60,
      "Open actions": 12,
      Note: "Typed by hand",
      Auditor: "External",
    };
    for (const [column, value] of Object.entries(past))
      history.getCell(HISTORY_HEADER_ROW + 1, hc.get(column) as number).value = value;
    await wb.xlsx.writeFile(file("edited.xlsx"));
    await buildAssessmentFile({ from: file("edited.xlsx"), out: file("rebuilt.xlsx") });
    await buildAssessmentFile({ from: file("rebuilt.xlsx"), out: file("rebuilt-twice.xlsx") });
  });

  it("keeps the SoA reasons, extra column and approval block, migrates the old reason type and justifications, and restores its formulas", async () => {
    const soa = sheet(await open(file("rebuilt.xlsx")), SHEETS.soa);
    const sc = headers(soa, SOA_HEADER_ROW);
    for (const [, id, column, value] of TYPED_SOA) {
      expect([
        id,
        column,
        soa.getCell(rowOf(soa, SOA_HEADER_ROW, String(id)), sc.get(column) as number).value,
      ]).toEqual([id, column, value]);
    }
    expect(
      isFormula(
        soa.getCell(rowOf(soa, SOA_HEADER_ROW, "5.2"), sc.get("Applicable") as number).value
      )
    ).toBe(true);
    // The old "Reason type" moved into its Yes column; "Not relevant" fits none, so it stays.
    expect(
      soa.getCell(rowOf(soa, SOA_HEADER_ROW, "5.1"), sc.get("Risk treatment") as number).value
    ).toBe("Yes");
    expect(
      soa.getCell(rowOf(soa, SOA_HEADER_ROW, "5.1"), sc.get("Reason type") as number).value
    ).toBeNull();
    expect(
      soa.getCell(rowOf(soa, SOA_HEADER_ROW, "7.4"), sc.get("Reason type") as number).value
    ).toBe("Not relevant");
    // The justifications typed on the SoA moved to Annex A; the SoA shows them by lookup.
    const annex = sheet(await open(file("rebuilt.xlsx")), SHEETS.annexA);
    const ac = headers(annex, TABLE_HEADER_ROW);
    for (const [, id, , value] of LEGACY_SOA.filter(([, , c]) => c === "Justification")) {
      expect(
        annex.getCell(rowOf(annex, TABLE_HEADER_ROW, String(id)), ac.get("Justification") as number)
          .value
      ).toBe(value);
      expect(
        isFormula(
          soa.getCell(rowOf(soa, SOA_HEADER_ROW, String(id)), sc.get("Justification") as number)
            .value
        )
      ).toBe(true);
    }
    expect(
      [0, 1, 2, 3].map((i) => [
        soa.getCell(SOA_APPROVAL_ROW + i, 2).value,
        soa.getCell(SOA_APPROVAL_ROW + i, 3).value,
      ])
    ).toEqual([
      ["Version", "2.0"],
      ["Prepared by", "ISMS lead"],
      ["Approved by", "Managing director"],
      ["Approval date", date(2026, 3, 31)],
    ]);
  });

  it("keeps every Documents entry, the extra column and a document of our own", async () => {
    const docs = sheet(await open(file("rebuilt.xlsx")), SHEETS.documents);
    const dc = headers(docs, DOCUMENTS_HEADER_ROW);
    for (const [, id, column, value] of TYPED_DOCS) {
      expect([
        id,
        column,
        docs.getCell(rowOf(docs, DOCUMENTS_HEADER_ROW, String(id)), dc.get(column) as number).value,
      ]).toEqual([id, column, value]);
    }
    const own = rowOf(docs, DOCUMENTS_HEADER_ROW, "byod");
    // A rebuild moves no row: the document stays where it was typed, below two empty rows.
    expect(own).toBe(rowOf(docs, DOCUMENTS_HEADER_ROW, "event-logs") + 3);
    expect(
      ["Document", "Clause", "Exists"].map((c) => docs.getCell(own, dc.get(c) as number).value)
    ).toEqual(["Bring your own device rules", "A.6.7", "No"]);
    expect(isFormula(docs.getCell(own, dc.get("Next review") as number).value)).toBe(true);
  });

  it("keeps every risk, in order, with extra columns; formulas come back and spare rows stay", async () => {
    const risks = sheet(await open(file("rebuilt.xlsx")), SHEETS.risks);
    const rc = headers(risks, RISK_HEADER_ROW);
    typedRisks.forEach((risk, i) => {
      const r = RISK_HEADER_ROW + 1 + i * 2; // where they were typed: a rebuild moves no row
      expect(
        Object.fromEntries(
          Object.keys(risk).map((c) => [c, risks.getCell(r, rc.get(c) as number).value])
        )
      ).toEqual(risk);
    });
    expect(
      isFormula(risks.getCell(RISK_HEADER_ROW + 1, rc.get("Inherent risk") as number).value)
    ).toBe(true);
    expect(risks.getTable("RiskRegister")).toBeDefined();
    const table = (
      risks.getTable("RiskRegister") as unknown as { table: { tableRef?: string; ref?: string } }
    ).table;
    expect(table.tableRef ?? table.ref).toBe(
      `A${RISK_HEADER_ROW}:R${RISK_HEADER_ROW + typedRisks.length + RISK_SPARE_ROWS}`
    );
  });

  it("keeps snapshot rows typed by hand, with notes and extra columns", async () => {
    const history = sheet(await open(file("rebuilt.xlsx")), SHEETS.history);
    const hc = headers(history, HISTORY_HEADER_ROW);
    expect(
      ["Date", "Overall", "Note", "Auditor", "Open actions"].map(
        (c) => history.getCell(HISTORY_HEADER_ROW + 1, hc.get(c) as number).value
      )
    ).toEqual([date(2025, 10, 1), 0.42, "Typed by hand", "External", 12]);
  });

  it("is idempotent: rebuilding the rebuilt workbook changes no cell of the audit sheets", async () => {
    const [a, b] = await Promise.all([
      open(file("rebuilt.xlsx")),
      open(file("rebuilt-twice.xlsx")),
    ]);
    for (const name of [SHEETS.soa, SHEETS.documents, SHEETS.risks, SHEETS.history]) {
      const cells = (ws: ExcelJS.Worksheet): Record<string, unknown> => {
        const out: Record<string, unknown> = {};
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            out[cell.address] = cell.value;
          })
        );
        return out;
      };
      expect([name, cells(sheet(b, name))]).toEqual([name, cells(sheet(a, name))]);
    }
  });
});

describe("sheet protection", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    await buildAssessmentFile({ out: file("p0.xlsx"), start: 46000 });
    const seeded = await open(file("p0.xlsx"));
    const annex = sheet(seeded, SHEETS.annexA);
    annex.getCell(
      TABLE_HEADER_ROW + 1,
      headers(annex, TABLE_HEADER_ROW).get("Status") as number
    ).value = "Non-Compliant";
    await seeded.xlsx.writeFile(file("p1.xlsx"));
    await buildAssessmentFile({
      from: file("p1.xlsx"),
      out: file("protected.xlsx"),
      remediation: true,
    });
    wb = await open(file("protected.xlsx"));
  });

  /** Columns a person fills, per protected sheet (the rest must be formulas or builder text). */
  const INPUTS: Record<string, (header: string) => boolean> = {
    [SHEETS.clauses]: (h) =>
      !(SCORE_COLUMNS as readonly string[]).includes(h) &&
      !(CATALOG_COLUMNS as readonly string[]).includes(h),
    [SHEETS.annexA]: (h) =>
      !(SCORE_COLUMNS as readonly string[]).includes(h) &&
      !(CATALOG_COLUMNS as readonly string[]).includes(h),
    [SHEETS.soa]: (h) => (SOA_REASON_COLUMNS as readonly string[]).includes(h),
    [SHEETS.documents]: (h) =>
      [
        "Exists",
        "Location or link",
        "Owner",
        "Last review",
        "Months between reviews",
        "Notes",
      ].includes(h),
    [SHEETS.risks]: (h) =>
      !["Inherent risk", "Inherent level", "Residual risk", "Residual level"].includes(h),
    [SHEETS.remediation]: (h) => !["ID", "Source", "Title", "Risk level", "Priority"].includes(h),
  };
  const HEADER_ROWS: Record<string, number> = {
    [SHEETS.clauses]: TABLE_HEADER_ROW,
    [SHEETS.annexA]: TABLE_HEADER_ROW,
    [SHEETS.soa]: SOA_HEADER_ROW,
    [SHEETS.documents]: DOCUMENTS_HEADER_ROW,
    [SHEETS.risks]: RISK_HEADER_ROW,
    [SHEETS.remediation]: REMEDIATION_HEADER_ROW,
  };

  it("protects exactly the assessment, SoA, register, documents and plan sheets, without a password", () => {
    const protectedSheets = wb.worksheets
      .filter(
        (ws) => (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet
      )
      .map((ws) => ws.name);
    expect(protectedSheets.sort()).toEqual([...PROTECTED_SHEETS].sort());
    for (const name of PROTECTED_SHEETS) {
      const p = (sheet(wb, name) as unknown as { sheetProtection: Record<string, unknown> })
        .sheetProtection;
      expect([name, p.hashValue, p.password, p.autoFilter, p.sort]).toEqual([
        name,
        undefined,
        undefined,
        true,
        true,
      ]);
    }
  });

  it.each([...PROTECTED_SHEETS])(
    "%s: every input cell is unlocked, every formula and catalog cell locked",
    (name) => {
      const ws = sheet(wb, name);
      const header = HEADER_ROWS[name];
      const cols = headers(ws, header);
      const table = ws.getTable(
        ws.name === SHEETS.remediation
          ? "RemediationPlan"
          : Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables)[0]
      ) as unknown as { table: { tableRef?: string; ref?: string } };
      const last = Number(/(\d+)$/.exec(table.table.tableRef ?? table.table.ref ?? "")?.[1]);
      expect(last).toBeGreaterThan(header);
      let inputs = 0;
      let formulas = 0;
      for (const [h, c] of cols) {
        for (let r = header + 1; r <= last; r++) {
          const cell = ws.getCell(r, c);
          const locked = cell.protection?.locked !== false;
          if (isFormula(cell.value)) {
            formulas++;
            expect([name, cell.address, h, "formula", locked]).toEqual([
              name,
              cell.address,
              h,
              "formula",
              true,
            ]);
          } else if (INPUTS[name](h)) {
            inputs++;
            expect([name, cell.address, h, "input", locked]).toEqual([
              name,
              cell.address,
              h,
              "input",
              false,
            ]);
          } else if (!(name === SHEETS.documents && cell.value === null)) {
            // Builder text (ids, titles, catalog documents) stays locked; empty Documents rows are for your own.
            expect([name, cell.address, h, "builder", locked]).toEqual([
              name,
              cell.address,
              h,
              "builder",
              true,
            ]);
          }
        }
      }
      expect(inputs).toBeGreaterThan(0);
      expect(formulas).toBeGreaterThan(0);
      // Cells around the table (titles, headers) are locked.
      expect(ws.getCell(header, 1).protection?.locked).not.toBe(false);
      expect(ws.getCell(1, 1).protection?.locked).not.toBe(false);
    }
  );

  it("opens the SoA approval block and the Documents rows for documents of your own", () => {
    const soa = sheet(wb, SHEETS.soa);
    for (let i = 0; i < 4; i++) {
      expect(soa.getCell(SOA_APPROVAL_ROW + i, 3).protection?.locked).toBe(false);
      expect(soa.getCell(SOA_APPROVAL_ROW + i, 2).protection?.locked).not.toBe(false);
    }
    const docs = sheet(wb, SHEETS.documents);
    const spare = rowOf(docs, DOCUMENTS_HEADER_ROW, "event-logs") + 1;
    for (const c of [1, 2, 3, 4]) {
      expect(docs.getCell(spare, c).protection?.locked).toBe(false);
      expect(docs.getCell(spare - 1, c).protection?.locked).not.toBe(false);
    }
  });

  it("leaves Summary, Snapshot History and Settings unprotected", () => {
    for (const name of [SHEETS.summary, SHEETS.history, SHEETS.settings]) {
      expect([
        name,
        (sheet(wb, name) as unknown as { sheetProtection?: unknown }).sheetProtection ?? null,
      ]).toEqual([name, null]);
    }
  });
});
