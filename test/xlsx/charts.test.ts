// Native charts in files the CLI writes (src/xlsx/charts): the XML writers on their own, then the
// built package (Summary's drawing, series references, schema order, content types), and the
// rebuild path: ours replaced, never duplicated; a user's charts, on their sheet or on ours, kept.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { SHEETS } from "../../src/core/contract";
import { emptySheet, type WorkbookPlan } from "../../src/core/layout/workbookPlan";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { WORKSHEET_ORDER } from "../../src/xlsx/carry/carryOver";
import { childrenOf } from "../../src/xlsx/carry/xmlElements";
import { chartPartXml, CHART_NS, type ChartSpec } from "../../src/xlsx/charts/chartXml";
import { anchorXml, anchorsOf, drawingPartXml } from "../../src/xlsx/charts/drawingXml";
import { absoluteRef } from "../../src/xlsx/charts/planCharts";
import { addPlanCharts, OUR_CHART_NAMES, workbookReader } from "../../src/xlsx/charts/writeCharts";
import { openXlsxPackage } from "../../src/xlsx/package/openXlsxPackage";
import { capture } from "../support/cliIo";
import { chartsOn, parseXml, readPackage, sheetPart, type ChartRead } from "./chartsPackage";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-charts-"));
const file = (n: string): string => path.join(dir, n);

const childNames = (xml: string, tag: string): string[] => {
  const el = parseXml(xml).getElementsByTagNameNS(CHART_NS, tag)[0];
  return Array.from(el.childNodes)
    .filter((n) => n.nodeType === 1)
    .map((n) => (n as unknown as { localName: string }).localName);
};

describe("chart part XML", () => {
  const bar: ChartSpec = {
    kind: "bar",
    title: "Compliance per clause & <theme>",
    color: "217346",
    series: [
      {
        name: { ref: absoluteRef("Summary", 12, 2, 12), values: ["Compliance"] },
        categories: { ref: absoluteRef("Summary", 13, 1, 15), values: ["Clause 4", null, "C6"] },
        values: { ref: absoluteRef("Summary", 13, 2, 15), values: [0.5, null, 1], format: "0.0%" },
      },
    ],
  };

  it("writes a bar chart whose series point at the ranges, with the values cached", () => {
    const xml = chartPartXml(bar);
    const doc = parseXml(xml);
    expect(doc.documentElement?.localName).toBe("chartSpace");
    // CT_BarChart order: barDir, grouping, varyColors, ser*, gapWidth, axId, axId.
    expect(childNames(xml, "barChart")).toEqual([
      "barDir",
      "grouping",
      "varyColors",
      "ser",
      "gapWidth",
      "axId",
      "axId",
    ]);
    // CT_BarSer order: idx, order, tx, spPr, invertIfNegative, cat, val.
    expect(childNames(xml, "ser")).toEqual([
      "idx",
      "order",
      "tx",
      "spPr",
      "invertIfNegative",
      "cat",
      "val",
    ]);
    expect(childNames(xml, "plotArea")).toEqual(["layout", "barChart", "catAx", "valAx"]);
    const f = Array.from(doc.getElementsByTagNameNS(CHART_NS, "f")).map((e) => e.textContent);
    expect(f).toEqual(["'Summary'!$B$12", "'Summary'!$A$13:$A$15", "'Summary'!$B$13:$B$15"]);
    const cat = doc.getElementsByTagNameNS(CHART_NS, "strCache")[1];
    expect(cat.getElementsByTagNameNS(CHART_NS, "ptCount")[0].getAttribute("val")).toBe("3");
    const pts = Array.from(cat.getElementsByTagNameNS(CHART_NS, "pt")).map((p) => [
      p.getAttribute("idx"),
      p.textContent,
    ]);
    expect(pts).toEqual([
      ["0", "Clause 4"],
      ["2", "C6"],
    ]);
    expect(doc.getElementsByTagNameNS(CHART_NS, "formatCode")[0].textContent).toBe("0.0%");
    // Escaped title text survives the round trip.
    expect(doc.getElementsByTagNameNS(CHART_NS, "title")[0].textContent).toBe(
      "Compliance per clause & <theme>"
    );
    // A percentage axis runs 0–100%.
    expect(xml).toMatch(/<c:valAx>.*<c:max val="1"\/><c:min val="0"\/>/);
  });

  it("writes a line chart with one series per column and dates as categories", () => {
    const dates = { ref: "'Summary'!$A$5:$A$6", values: [46053, 46081], format: "yyyy-mm-dd" };
    const xml = chartPartXml({
      kind: "line",
      title: "Trend",
      series: ["B", "C"].map((c) => ({
        name: { ref: `'Summary'!$${c}$4`, values: [c] },
        categories: dates,
        values: { ref: `'Summary'!$${c}$5:$${c}$6`, values: [0.2, 0.4], format: "0.0%" },
      })),
    });
    expect(childNames(xml, "lineChart")).toEqual([
      "grouping",
      "varyColors",
      "ser",
      "ser",
      "marker",
      "axId",
      "axId",
    ]);
    const doc = parseXml(xml);
    const cats = doc.getElementsByTagNameNS(CHART_NS, "cat");
    expect(cats).toHaveLength(2);
    expect(cats[0].getElementsByTagNameNS(CHART_NS, "numRef")).toHaveLength(1);
    expect(doc.getElementsByTagNameNS(CHART_NS, "legend")).toHaveLength(1);
  });

  it("writes a pie chart with one series and percentages on the slices", () => {
    const xml = chartPartXml({
      kind: "pie",
      title: "Status mix",
      series: [
        {
          categories: { ref: "'S'!$A$2:$A$3", values: ["Compliant", "Not Assessed"] },
          values: { ref: "'S'!$B$2:$B$3", values: [3, 7], format: "General" },
        },
      ],
      pointColors: ["548235", null],
    });
    expect(childNames(xml, "pieChart")).toEqual(["varyColors", "ser", "dLbls", "firstSliceAng"]);
    // CT_PieSer: idx, order, dPt*, cat, val; each slice coloured as asked.
    expect(childNames(xml, "ser")).toEqual(["idx", "order", "dPt", "cat", "val"]);
    expect(xml).toContain(
      '<c:dPt><c:idx val="0"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="548235"/>'
    );
    expect(childNames(xml, "plotArea")).toEqual(["layout", "pieChart"]);
    expect(xml).toContain('<c:showPercent val="1"/>');
  });

  it("anchors frames in a drawing and reads them back", () => {
    const xml = drawingPartXml([
      anchorXml({
        id: 2,
        name: "One",
        relId: "rId1",
        from: { row: 3, col: 9 },
        to: { row: 21, col: 17 },
      }),
      anchorXml({
        id: 3,
        name: "Two",
        relId: "rId7",
        from: { row: 0, col: 0 },
        to: { row: 1, col: 1 },
      }),
    ]);
    parseXml(xml);
    const anchors = anchorsOf(xml);
    expect(anchors.map((a) => [a.name, a.id, a.relIds])).toEqual([
      ["One", 2, ["rId1"]],
      ["Two", 3, ["rId7"]],
    ]);
    expect(xml.slice(anchors[0].start, anchors[0].end)).toMatch(
      /<xdr:from><xdr:col>9<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>3<\/xdr:row>/
    );
  });

  it("reads values and calculated results from the ExcelJS model", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = "Label";
    ws.getCell("B1").value = { formula: "1/2", result: 0.5 } as ExcelJS.CellFormulaValue;
    ws.getCell("C1").value = { formula: "TODAY()" } as ExcelJS.CellFormulaValue;
    ws.getCell("D1").value = new Date(Date.UTC(2026, 0, 31));
    const read = workbookReader(wb);
    expect([1, 2, 3, 4, 5].map((c) => read("S", 1, c))).toEqual(["Label", 0.5, null, 46053, null]);
    expect(read("Missing", 1, 1)).toBeNull();
  });
});

/** The Summary rows whose column A holds `labels` (first and last), read from the file. */
async function summaryLabels(out: string): Promise<Map<string, number>> {
  const wb = new ExcelJS.Workbook();
  await openXlsxPackage(out, wb);
  const ws = wb.getWorksheet(SHEETS.summary) as ExcelJS.Worksheet;
  const rows = new Map<string, number>();
  ws.getColumn(1).eachCell((cell, row) => {
    if (typeof cell.value === "string" && !rows.has(cell.value)) rows.set(cell.value, row);
  });
  return rows;
}

const names = (charts: ChartRead[]): string[] => charts.map((c) => c.name).sort();

describe("charts in a built workbook", () => {
  let plan: WorkbookPlan;
  beforeAll(async () => {
    plan = (await buildAssessmentFile({ out: file("new.xlsx"), start: 46000 })).plan;
  });

  it("draws the plan's Summary charts with series on the Summary's own rows", async () => {
    const pkg = await readPackage(file("new.xlsx"));
    const charts = chartsOn(pkg, SHEETS.summary);
    const planned = plan.sheets.find((s) => s.name === SHEETS.summary)?.charts ?? [];
    // No snapshot yet: no trend.
    expect(names(charts)).toEqual(["ComplianceByArea", "ComplianceByTheme", "StatusMix"]);
    expect(names(charts)).toEqual(planned.map((c) => c.name).sort());
    const rows = await summaryLabels(file("new.xlsx"));
    const byName = new Map(charts.map((c) => [c.name, c]));

    const clause = byName.get("ComplianceByArea") as ChartRead;
    expect(clause.kind).toBe("barChart");
    expect(clause.title).toBe("Compliance per clause");
    const first = rows.get("Clause 4 Context of the organization") as number;
    const last = rows.get("Clause 10 Improvement") as number;
    expect(last - first).toBe(6);
    expect(clause.series).toHaveLength(1);
    expect(clause.series[0].name).toBe(`'Summary'!$B$${first - 1}`);
    expect(clause.series[0].categories).toBe(`'Summary'!$A$${first}:$A$${last}`);
    expect(clause.series[0].values).toBe(`'Summary'!$B$${first}:$B$${last}`);
    // The labels are constants, so their cache holds them; the formulas are not calculated yet.
    expect(clause.series[0].categoryCache.get(0)).toBe("Clause 4 Context of the organization");
    expect(clause.series[0].categoryCache.get(6)).toBe("Clause 10 Improvement");
    expect(clause.series[0].valueCache.size).toBe(0);

    const theme = byName.get("ComplianceByTheme") as ChartRead;
    const org = rows.get("Annex A Organizational (5.x)") as number;
    expect(theme.series[0].name).toBeNull();
    expect(theme.series[0].categories).toBe(`'Summary'!$A$${org}:$A$${org + 3}`);
    expect(theme.series[0].values).toBe(`'Summary'!$B$${org}:$B$${org + 3}`);

    const mix = byName.get("StatusMix") as ChartRead;
    expect(mix.kind).toBe("pieChart");
    const header = (rows.get("Status mix (clauses and Annex A)") as number) + 1;
    expect(mix.series[0].categories).toBe(`'Summary'!$A$${header + 1}:$A$${header + 5}`);
    expect([...mix.series[0].categoryCache.values()]).toEqual([
      "Compliant",
      "Partially Compliant",
      "Non-Compliant",
      "Not Applicable",
      "Not Assessed",
    ]);
  });

  it("links the drawing in schema order, declares content types, and opens again", async () => {
    const pkg = await readPackage(file("new.xlsx"));
    const part = sheetPart(pkg, SHEETS.summary);
    const locals = childrenOf(pkg.text(part) ?? "").map((c) => c.local);
    expect(locals).toContain("drawing");
    const ranks = locals.map((l) => (WORKSHEET_ORDER as readonly string[]).indexOf(l));
    expect(ranks.every((r) => r >= 0)).toBe(true);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    for (const chart of chartsOn(pkg, SHEETS.summary))
      expect(pkg.contentType(chart.part)).toBe(
        "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
      );
    const drawing = pkg.names.filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n));
    expect(drawing).toHaveLength(1);
    expect(pkg.contentType(drawing[0])).toBe(
      "application/vnd.openxmlformats-officedocument.drawing+xml"
    );
    // Only Summary has charts.
    for (const sheet of plan.sheets)
      if (sheet.name !== SHEETS.summary) expect(chartsOn(pkg, sheet.name)).toEqual([]);

    // Our reader: the package pre-pass, then ExcelJS.
    const ours = new ExcelJS.Workbook();
    await openXlsxPackage(file("new.xlsx"), ours);
    expect(ours.worksheets.map((w) => w.name)).toEqual(plan.sheets.map((s) => s.name));
  });
});

describe("charts on a rebuild", () => {
  beforeAll(async () => {
    await buildAssessmentFile({ out: file("base.xlsx"), start: 46000 });
    for (const [from, to, date] of [
      ["base.xlsx", "s1.xlsx", "2026-01-31"],
      ["s1.xlsx", "s2.xlsx", "2026-02-28"],
    ])
      expect(
        await main(["snapshot", file(from), "--out", file(to), "--date", date], capture())
      ).toBe(0);
    await buildAssessmentFile({ from: file("s2.xlsx"), out: file("r1.xlsx") });
    await buildAssessmentFile({ from: file("r1.xlsx"), out: file("r2.xlsx") });
  });

  it("keeps exactly our four charts, the trend over both snapshots", async () => {
    for (const name of ["s2.xlsx", "r1.xlsx", "r2.xlsx"]) {
      const pkg = await readPackage(file(name));
      const charts = chartsOn(pkg, SHEETS.summary);
      expect(names(charts)).toEqual([
        "ComplianceByArea",
        "ComplianceByTheme",
        "ComplianceTrend",
        "StatusMix",
      ]);
      // No orphan chart part is left behind.
      expect(pkg.names.filter((n) => n.startsWith("xl/charts/"))).toHaveLength(4);
      const trend = charts.find((c) => c.name === "ComplianceTrend") as ChartRead;
      expect(trend.kind).toBe("lineChart");
      expect(trend.series).toHaveLength(3);
      const rows = await summaryLabels(file(name));
      const header =
        (rows.get(
          [...rows.keys()].find((k) => k.startsWith("Compliance trend (latest")) as string
        ) as number) + 1;
      expect(trend.series.map((s) => s.values)).toEqual(
        ["B", "C", "D"].map((c) => `'Summary'!$${c}$${header + 1}:$${c}$${header + 2}`)
      );
      expect(trend.series[0].categories).toBe(`'Summary'!$A$${header + 1}:$A$${header + 2}`);
    }
    // Every chart the layout draws is one the rebuild recognises as ours.
    expect([...OUR_CHART_NAMES].sort()).toEqual(
      names(chartsOn(await readPackage(file("r2.xlsx")), SHEETS.summary))
    );
    // The same input gives the same charts.
    const a = chartsOn(await readPackage(file("r1.xlsx")), SHEETS.summary);
    const b = chartsOn(await readPackage(file("r2.xlsx")), SHEETS.summary);
    expect(b.map((c) => [c.part, c.xml])).toEqual(a.map((c) => [c.part, c.xml]));
  });

  it("keeps a user's chart on their own sheet and a user's chart on the Summary", async () => {
    // The user's workbook: a sheet of their own, with a chart, and a chart of theirs on Summary
    // (drawn with the same writer, under names that are not ours).
    const wb = new ExcelJS.Workbook();
    await openXlsxPackage(file("r2.xlsx"), wb);
    const budget = wb.addWorksheet("Budget");
    budget.addRows([
      ["Item", "Spend"],
      ["Tools", 1200],
      ["Training", 800],
    ]);
    await wb.xlsx.writeFile(file("user-plain.xlsx"));
    const pkg = await readPackage(file("user-plain.xlsx"));
    const userPlan: WorkbookPlan = {
      names: [],
      sheets: [
        {
          ...emptySheet("Budget"),
          charts: [
            {
              name: "Spend",
              type: "columnClustered",
              title: "Spend",
              source: "A1:B3",
              from: "D2",
              to: "J15",
            },
          ],
        },
        {
          ...emptySheet(SHEETS.summary),
          charts: [
            {
              name: "My notes chart",
              type: "pie",
              title: "Mine",
              source: "A5:B8",
              from: "S4",
              to: "X15",
            },
          ],
        },
      ],
    };
    addPlanCharts(pkg, userPlan, workbookReader(wb));
    fs.writeFileSync(file("user.xlsx"), await pkg.write());
    const before = chartsOn(await readPackage(file("user.xlsx")), "Budget");
    expect(before.map((c) => c.name)).toEqual(["Spend"]);
    expect(before[0].series[0].valueCache).toEqual(
      new Map([
        [0, "1200"],
        [1, "800"],
      ])
    );

    await buildAssessmentFile({ from: file("user.xlsx"), out: file("user-r1.xlsx") });
    await buildAssessmentFile({ from: file("user-r1.xlsx"), out: file("user-r2.xlsx") });
    const after = await readPackage(file("user-r2.xlsx"));
    const kept = chartsOn(after, "Budget");
    expect(kept.map((c) => [c.name, c.xml])).toEqual(before.map((c) => [c.name, c.xml]));
    expect(names(chartsOn(after, SHEETS.summary))).toEqual([
      "ComplianceByArea",
      "ComplianceByTheme",
      "ComplianceTrend",
      "My notes chart",
      "StatusMix",
    ]);
    expect(after.names.filter((n) => n.startsWith("xl/charts/"))).toHaveLength(6);
  });
});
