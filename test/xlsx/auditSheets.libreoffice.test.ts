// The audit sheets recalculated in LibreOffice: the Statement of Applicability follows Annex A live,
// the Risk Register scores with the Settings bands, Documents computes the next review, and the
// Summary's missing-documents count, residual heat map and trend agree with the reference models.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { SHEETS } from "../../src/core/contract";
import { harvestWorkbook } from "../../src/core/read/harvest";
import { assessmentStats } from "../../src/core/history";
import { TABLE_HEADER_ROW } from "../../src/core/layout/assessmentSheet";
import { DOCUMENTS_HEADER_ROW } from "../../src/core/layout/documentsSheet";
import { HISTORY_HEADER_ROW, TREND_ROWS } from "../../src/core/layout/historySheet";
import { RISK_HEADER_ROW } from "../../src/core/layout/riskRegisterSheet";
import { SOA_HEADER_ROW } from "../../src/core/layout/soaSheet";
import { DEFAULT_SCORING, sameText, type ScoringSettings } from "../../src/core/scoring";
import { columnLetter, type CellValue, type SheetSnapshot } from "../../src/core/snapshot";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { readSnapshots } from "../../src/xlsx/readSnapshots";
import { describeWithTool } from "../support/externalTools";
import { SOFFICE, recalculate } from "../support/libreoffice";
import { readCachedValues, type CachedWorkbook } from "../support/xlsxValues";
import { headerColumns, openWorkbook, rowById } from "../support/workbookFiles";
import { documentMissing, documentRequired } from "../../src/core/read/documents";
import { scoreRisk } from "../../src/core/read/risks";
import { implementationStatus, soaApplicable } from "../../src/core/read/soa";
import { readRemediationRows } from "../../src/core/read/remediation";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-audit-lo-"));
const file = (n: string): string => path.join(dir, n);
const silent = { out: () => undefined, err: () => undefined };

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];

const open = openWorkbook;
const headers = headerColumns;
const rowOf = rowById;
function setNamed(wb: ExcelJS.Workbook, name: string, value: number): void {
  const [sheet, address] = wb.definedNames.getRanges(name).ranges[0].replace(/\$/g, "").split("!");
  (wb.getWorksheet(sheet.replace(/^'|'$/g, "")) as ExcelJS.Worksheet).getCell(address).value =
    value;
}

/** EDATE: same day n months later, clamped to the month's last day. */
function edate(serial: number, months: number): number {
  const base = Date.UTC(1899, 11, 30);
  const d = new Date(base + serial * 86_400_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return (Date.UTC(y, m, Math.min(d.getUTCDate(), last)) - base) / 86_400_000;
}

const RISKS: Record<string, CellValue>[] = [
  {
    ID: "R-01",
    "Asset or process": "Customer database",
    Threat: "Ransomware",
    Likelihood: 4,
    Impact: 5,
    Treatment: "Mitigate",
    "Annex A controls": "8.7, 8.13",
    "Residual likelihood": 2,
    "Residual impact": 3,
  },
  {
    ID: "R-02",
    "Asset or process": "Payroll",
    Threat: "Insider fraud",
    Likelihood: 3,
    Impact: 3,
    Treatment: "Transfer",
    "Residual likelihood": 2,
    "Residual impact": 2,
  },
  {
    ID: "R-03",
    "Asset or process": "Office",
    Threat: "Fire",
    Likelihood: 1,
    Impact: 5,
    Treatment: "Accept",
    "Residual likelihood": 1,
    "Residual impact": 5,
  },
  {
    ID: "R-04",
    "Asset or process": "Website",
    Threat: "Defacement",
    Likelihood: "3",
    Impact: 4,
    "Residual likelihood": 5,
    "Residual impact": 4,
  },
  { ID: "R-05", "Asset or process": "Laptops", Threat: "Theft", Likelihood: 4, Impact: 4 },
  {
    ID: "R-06",
    "Asset or process": "Backups",
    Threat: "Corruption",
    Likelihood: 2,
    Impact: 5,
    "Residual likelihood": 4,
    "Residual impact": 4,
  },
  {
    ID: "R-07",
    "Asset or process": "Email",
    Threat: "Phishing",
    Likelihood: 5,
    Impact: 4,
    "Residual likelihood": 3,
    "Residual impact": 3,
  },
  {
    ID: "R-08",
    "Asset or process": "Source code",
    Threat: "Leak",
    Likelihood: 3,
    Impact: 3,
    "Residual likelihood": 2,
    "Residual impact": 3,
  },
];

/** Documents: ID → typed values (dates as serials). 5.10's document stops being required: its control is excluded. */
const DOCS: Record<string, Record<string, CellValue>> = {
  "isms-scope": { Exists: "Yes", "Last review": 45688, "Months between reviews": 12 }, // 2025-01-31 → 2026-01-31
  "security-policy": { Exists: "Partly", "Last review": 45716 }, // 2025-02-28, months kept at 12
  "risk-assessment-process": { Exists: "yes", "Last review": 45688, "Months between reviews": 1 }, // → 2025-02-28
  "risk-treatment-process": { Exists: "No", "Last review": 45000, "Months between reviews": null }, // blank months → yearly
  "statement-of-applicability": { Exists: "Yes", "Months between reviews": 6 }, // no last review → no next
  "acceptable-use": { Exists: "No" },
  "event-logs": { Exists: "Maybe" }, // not a valid answer: still missing
};

describeWithTool("LibreOffice", SOFFICE, "audit sheet formulas recalculated in LibreOffice", () => {
  const BANDS: ScoringSettings = {
    ...DEFAULT_SCORING,
    bands: { medium: 4, high: 9, critical: 16 },
  };
  let live: CachedWorkbook;
  let snapped: CachedWorkbook;
  let banded: CachedWorkbook;
  let liveSnapshots: SheetSnapshot[];
  let snappedSnapshots: SheetSnapshot[];
  let flipped = "";

  beforeAll(async () => {
    await buildAssessmentFile({ out: file("base.xlsx"), start: 46000, org: "Audit Test Ltd" });
    const wb = await open(file("base.xlsx"));
    const annex = wb.getWorksheet(SHEETS.annexA) as ExcelJS.Worksheet;
    const a = headers(annex, TABLE_HEADER_ROW);
    const random = seeded(7);
    for (let r = TABLE_HEADER_ROW + 1; annex.getCell(r, 1).value; r++) {
      const set = (c: string, v: CellValue): void => {
        annex.getCell(r, a.get(c) as number).value = v;
      };
      set(
        "Status",
        pick(random, [
          "Compliant",
          "Partially Compliant",
          "Non-Compliant",
          "Non-Compliant",
          "Not Applicable",
          "Not Assessed",
          null,
          "compliant",
          "NON-COMPLIANT",
        ])
      );
      set("Applicable", pick(random, ["Yes", "Yes", "Yes", "No", "no", null]));
      set("Evidence", pick(random, [null, "Policy v2", "Ticket #12 | signed", "=not a formula"]));
      set("Owner", pick(random, [null, "CISO", "IT"]));
      set("Likelihood", pick(random, [null, 2, 4]));
      set("Impact", pick(random, [null, 3, 5]));
    }
    // 5.10 excluded, so its document is not required.
    annex.getCell(rowOf(annex, TABLE_HEADER_ROW, "5.10"), a.get("Applicable") as number).value =
      "No";
    const clauses = wb.getWorksheet(SHEETS.clauses) as ExcelJS.Worksheet;
    const c = headers(clauses, TABLE_HEADER_ROW);
    clauses.getCell(rowOf(clauses, TABLE_HEADER_ROW, "6.1.2"), c.get("Status") as number).value =
      "Partially Compliant";
    clauses.getCell(rowOf(clauses, TABLE_HEADER_ROW, "4.1"), c.get("Status") as number).value =
      "Compliant";
    await wb.xlsx.writeFile(file("assessed.xlsx"));
    await buildAssessmentFile({
      from: file("assessed.xlsx"),
      out: file("planned.xlsx"),
      remediation: true,
    });

    // After planning: close every third Annex A action, flip one planned control to Compliant
    // (the SoA must follow without a rebuild), and type the register and the documents.
    const p = await open(file("planned.xlsx"));
    const plan = p.getWorksheet(SHEETS.remediation) as ExcelJS.Worksheet;
    const pc = headers(plan, 4);
    let n = 0;
    for (let r = 5; plan.getCell(r, 1).value; r++) {
      if (plan.getCell(r, pc.get("Source") as number).value !== SHEETS.annexA) continue;
      if (n++ % 3 === 0) plan.getCell(r, pc.get("Progress") as number).value = "Done";
      else if (!flipped && plan.getCell(r, pc.get("Progress") as number).value === "Not started")
        flipped = String(plan.getCell(r, 1).value);
    }
    const annex2 = p.getWorksheet(SHEETS.annexA) as ExcelJS.Worksheet;
    const a2 = headers(annex2, TABLE_HEADER_ROW);
    annex2.getCell(rowOf(annex2, TABLE_HEADER_ROW, flipped), a2.get("Status") as number).value =
      "Compliant";
    annex2.getCell(rowOf(annex2, TABLE_HEADER_ROW, flipped), a2.get("Applicable") as number).value =
      "Yes";
    const risks = p.getWorksheet(SHEETS.risks) as ExcelJS.Worksheet;
    const rc = headers(risks, RISK_HEADER_ROW);
    RISKS.forEach((risk, i) => {
      for (const [column, value] of Object.entries(risk))
        risks.getCell(RISK_HEADER_ROW + 1 + i, rc.get(column) as number).value = value;
    });
    const docs = p.getWorksheet(SHEETS.documents) as ExcelJS.Worksheet;
    const dc = headers(docs, DOCUMENTS_HEADER_ROW);
    for (const [id, values] of Object.entries(DOCS)) {
      const r = rowOf(docs, DOCUMENTS_HEADER_ROW, id);
      for (const [column, value] of Object.entries(values))
        docs.getCell(r, dc.get(column) as number).value = value;
    }
    // A document of our own in the first spare row.
    const own = rowOf(docs, DOCUMENTS_HEADER_ROW, "event-logs") + 1;
    docs.getCell(own, dc.get("ID") as number).value = "byod";
    docs.getCell(own, dc.get("Document") as number).value = "Bring your own device rules";
    docs.getCell(own, dc.get("Clause") as number).value = "A.6.7";
    docs.getCell(own, dc.get("Last review") as number).value = 45351; // 2024-02-29 → 2025-02-28
    await p.xlsx.writeFile(file("live.xlsx"));

    // Two snapshots (values), with an assessment change in between.
    expect(
      await main(
        [
          "snapshot",
          file("live.xlsx"),
          "--out",
          file("s1.xlsx"),
          "--date",
          "2026-01-15",
          "--note",
          "first",
        ],
        silent
      )
    ).toBe(0);
    const s1 = await open(file("s1.xlsx"));
    const cl = s1.getWorksheet(SHEETS.clauses) as ExcelJS.Worksheet;
    cl.getCell(
      rowOf(cl, TABLE_HEADER_ROW, "4.2"),
      headers(cl, TABLE_HEADER_ROW).get("Status") as number
    ).value = "Non-Compliant";
    await s1.xlsx.writeFile(file("s1-edited.xlsx"));
    expect(
      await main(
        ["snapshot", file("s1-edited.xlsx"), "--out", file("s2.xlsx"), "--date", "2026-02-15"],
        silent
      )
    ).toBe(0);
    const s2 = await open(file("s2.xlsx"));
    setNamed(s2, "Band_Medium", BANDS.bands.medium);
    setNamed(s2, "Band_High", BANDS.bands.high);
    setNamed(s2, "Band_Critical", BANDS.bands.critical);
    await s2.xlsx.writeFile(file("s2-bands.xlsx"));

    const [o1, o2, o3] = await recalculate([
      file("live.xlsx"),
      file("s2.xlsx"),
      file("s2-bands.xlsx"),
    ]);
    [live, snapped, banded] = await Promise.all([o1, o2, o3].map((o) => readCachedValues(o)));
    liveSnapshots = await readSnapshots(file("live.xlsx"));
    snappedSnapshots = await readSnapshots(file("s2.xlsx"));
  }, 240000);

  const column = (
    snapshots: SheetSnapshot[],
    sheet: string,
    header: number
  ): Map<string, string> => {
    const s = snapshots.find((x) => x.name === sheet) as SheetSnapshot;
    return new Map(
      s.values[header - 1 - s.origin.row].map((h, i) => [String(h), columnLetter(i + s.origin.col)])
    );
  };

  it('derives every SoA row from Annex A live, including "Planned" through the Remediation Plan', () => {
    const harvest = harvestWorkbook(liveSnapshots);
    const plan = readRemediationRows(liveSnapshots.find((s) => s.name === SHEETS.remediation)).rows;
    const openAction = (id: string): boolean =>
      plan.some(
        (r) =>
          r.Source === SHEETS.annexA &&
          r.ID === id &&
          !sameText(r.Progress ?? null, "Done") &&
          !sameText(r.Progress ?? null, "Resolved")
      );
    const cols = column(liveSnapshots, SHEETS.soa, SOA_HEADER_ROW);
    const seen = new Set<string>();
    let r = SOA_HEADER_ROW + 1;
    for (; live.cell(SHEETS.soa, `A${r}`); r++) {
      const id = String(live.cell(SHEETS.soa, `A${r}`));
      const input = harvest.inputs.annexA.get(id) ?? {};
      const got = (h: string): unknown => live.cell(SHEETS.soa, `${cols.get(h)}${r}`) ?? "";
      const expected = implementationStatus(
        input.Applicable ?? null,
        input.Status ?? null,
        openAction(id)
      );
      seen.add(expected);
      expect([
        id,
        got("Applicable"),
        got("Implementation status"),
        got("Evidence or document reference"),
        got("Owner"),
      ]).toEqual([
        id,
        soaApplicable(input.Applicable ?? null, input.Status ?? null),
        expected,
        String(input.Evidence ?? ""),
        String(input.Owner ?? ""),
      ]);
    }
    expect(r - SOA_HEADER_ROW - 1).toBe(93);
    expect([...seen].sort()).toEqual([
      "",
      "Excluded",
      "Implemented",
      "Not implemented",
      "Partially implemented",
      "Planned",
    ]);
    const flippedRow = [...Array(93).keys()]
      .map((i) => SOA_HEADER_ROW + 1 + i)
      .find((x) => live.cell(SHEETS.soa, `A${x}`) === flipped) as number;
    expect(live.cell(SHEETS.soa, `${cols.get("Implementation status")}${flippedRow}`)).toBe(
      "Implemented"
    );
  });

  it("scores inherent and residual risk with the Settings bands", () => {
    for (const [wb, settings] of [
      [snapped, DEFAULT_SCORING],
      [banded, BANDS],
    ] as const) {
      const cols = column(snappedSnapshots, SHEETS.risks, RISK_HEADER_ROW);
      RISKS.forEach((risk, i) => {
        const r = RISK_HEADER_ROW + 1 + i;
        const got = (h: string): unknown => wb.cell(SHEETS.risks, `${cols.get(h)}${r}`) || null;
        const expected = scoreRisk(risk, settings);
        expect([
          risk.ID,
          got("Inherent risk"),
          got("Inherent level"),
          got("Residual risk"),
          got("Residual level"),
        ]).toEqual([
          risk.ID,
          expected.inherent,
          expected.inherentLevel,
          expected.residual,
          expected.residualLevel,
        ]);
      });
      expect(
        wb.cell(SHEETS.risks, `${cols.get("Inherent risk")}${RISK_HEADER_ROW + RISKS.length + 1}`)
      ).toBe(""); // spare row
    }
    // The bands moved R-02 (3×3 = 9) from Medium to High.
    expect([snapped, banded].map((wb) => wb.cell(SHEETS.risks, `H${RISK_HEADER_ROW + 2}`))).toEqual(
      ["Medium", "High"]
    );
  });

  it("computes the next review yearly by default and says which documents are required", () => {
    const harvest = harvestWorkbook(liveSnapshots);
    const cols = column(liveSnapshots, SHEETS.documents, DOCUMENTS_HEADER_ROW);
    const applicable = (id: string): "Yes" | "No" | null => {
      const row = harvest.inputs.annexA.get(id);
      return row ? soaApplicable(row.Applicable ?? null, row.Status ?? null) : null;
    };
    let missing = 0;
    let rows = 0;
    for (const doc of harvest.audit.documents.rows) {
      const r = [...Array(60).keys()]
        .map((i) => DOCUMENTS_HEADER_ROW + 1 + i)
        .find((x) => live.cell(SHEETS.documents, `A${x}`) === doc.ID) as number;
      const last = doc["Last review"];
      const months =
        typeof doc["Months between reviews"] === "number" ? doc["Months between reviews"] : 12;
      const required = documentRequired(doc.Clause ?? null, applicable);
      if (documentMissing(doc, required)) missing++;
      rows++;
      expect([
        doc.ID,
        live.cell(SHEETS.documents, `${cols.get("Next review")}${r}`),
        live.cell(SHEETS.documents, `${cols.get("Required")}${r}`),
      ]).toEqual([doc.ID, typeof last === "number" ? edate(last, months) : "", required]);
    }
    expect(rows).toBe(27);
    expect(
      live.cell(SHEETS.documents, `${cols.get("Next review")}${rowIndex(live, "isms-scope")}`)
    ).toBe(46053); // 2026-01-31
    expect(
      live.cell(SHEETS.documents, `${cols.get("Required")}${rowIndex(live, "acceptable-use")}`)
    ).toBe("No");
    expect(live.name("Documents_Missing")).toBe(missing);
    // Four exist (Yes, Partly, "yes", Yes); the rest are missing unless their control is excluded.
    const notRequired = [...Array(27).keys()].filter(
      (i) =>
        live.cell(SHEETS.documents, `${cols.get("Required")}${DOCUMENTS_HEADER_ROW + 1 + i}`) ===
        "No"
    ).length;
    expect(notRequired).toBeGreaterThanOrEqual(1);
    expect(missing).toBe(27 - 4 - notRequired);
  });

  function rowIndex(wb: CachedWorkbook, id: string): number {
    for (let r = DOCUMENTS_HEADER_ROW + 1; r < DOCUMENTS_HEADER_ROW + 60; r++)
      if (wb.cell(SHEETS.documents, `A${r}`) === id) return r;
    throw new Error(id);
  }

  it("draws the residual-risk heat map of the register on the Summary", () => {
    let header = 0;
    for (let r = 1; r < 200 && !header; r++)
      if (String(snapped.cell(SHEETS.summary, `A${r}`) ?? "").startsWith("Residual likelihood"))
        header = r;
    expect(header).toBeGreaterThan(0);
    for (const [i, likelihood] of [5, 4, 3, 2, 1].entries()) {
      for (const [j, impact] of [1, 2, 3, 4, 5].entries()) {
        const expected = RISKS.filter(
          (x) => x["Residual likelihood"] === likelihood && x["Residual impact"] === impact
        ).length;
        expect([
          likelihood,
          impact,
          snapped.cell(SHEETS.summary, `${"BCDEF"[j]}${header + 1 + i}`),
        ]).toEqual([likelihood, impact, expected]);
      }
    }
    expect(snapped.cell(SHEETS.summary, `B${header + 6}`)).toBe(RISKS.length);
  });

  it("stores snapshots as values equal to the live scores, and the Summary trend shows them", async () => {
    const history = (await open(file("s2.xlsx"))).getWorksheet(SHEETS.history) as ExcelJS.Worksheet;
    const hc = headers(history, HISTORY_HEADER_ROW);
    const rowValues = (r: number): Record<string, unknown> =>
      Object.fromEntries([...hc].map(([h, c]) => [h, history.getCell(r, c).value]));
    const [first, second] = [rowValues(HISTORY_HEADER_ROW + 1), rowValues(HISTORY_HEADER_ROW + 2)];
    for (const row of [first, second])
      for (const v of Object.values(row))
        expect(typeof v === "object" && v !== null && "formula" in v).toBe(false);
    expect(first.Note).toBe("first");
    // The second snapshot was taken of the state s2 still has: the formulas must agree with it.
    expect(second.Overall as number).toBeCloseTo(snapped.name("Compliance_Overall") as number, 10);
    expect(second["Clauses 4-10"] as number).toBeCloseTo(
      snapped.name("Compliance_Clauses") as number,
      10
    );
    expect(second["Annex A"] as number).toBeCloseTo(
      snapped.name("Compliance_AnnexA") as number,
      10
    );
    let openActions = 0;
    let trend = 0;
    for (let r = 1; r < 200; r++) {
      const label = String(snapped.cell(SHEETS.summary, `A${r}`) ?? "");
      if (label === "Open actions") openActions = snapped.cell(SHEETS.summary, `B${r}`) as number;
      if (label.startsWith("Compliance trend")) trend = r + 1;
    }
    expect(second["Open actions"]).toBe(openActions);
    expect((first.Overall as number) > (second.Overall as number)).toBe(true); // 4.2 became Non-Compliant
    expect(assessmentStats(snappedSnapshots).overall).toBeCloseTo(second.Overall as number, 12);
    const trendRow = (k: number): unknown[] =>
      ["A", "B", "C", "D", "E"].map((c) => snapped.cell(SHEETS.summary, `${c}${trend + k}`));
    const asSerial = (d: unknown): number =>
      d instanceof Date ? d.getTime() / 86_400_000 + 25569 : (d as number);
    expect(trendRow(1)[0]).toBe(asSerial(first.Date));
    expect(trendRow(2)[0]).toBe(asSerial(second.Date));
    expect(trendRow(2)[1] as number).toBeCloseTo(second.Overall as number, 10);
    expect(trendRow(2)[2] as number).toBeCloseTo(second["Clauses 4-10"] as number, 10);
    expect(trendRow(2)[3] as number).toBeCloseTo(second["Annex A"] as number, 10);
    expect(trendRow(1)[1] as number).toBeCloseTo(first.Overall as number, 10);
    expect(trendRow(2)[4]).toBe(second["Open actions"]);
    for (let k = 3; k <= TREND_ROWS; k++) expect(trendRow(k)).toEqual(["", "", "", "", ""]);
  });
});
