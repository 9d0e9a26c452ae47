// Writing from an existing workbook changes only what we own, in the file too (issue 16): a
// workbook built by the CLI gets what its people add in Excel — links, 30 notes, fills and fonts,
// a widened column, text on the Summary, a sheet of their own with dates and formulas on our
// tables, a chart (drawing and chart parts written here at the package level), names of their
// own, a password on their sheet and on the workbook structure — and every writing command
// (build --from, plan, snapshot, import --into) must give it all back, compared part by part,
// while the values we own are updated. A part that cannot be kept stops the command before it
// writes, naming the part.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/io";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { PartsWouldBeLostError } from "../../src/xlsx/carry/carryOver";
import { auditorQuestions } from "../core/adopt/fixtures/buildFixtures";
import { describeWithTool } from "../support/externalTools";
import { packageParts, type Parts } from "../support/packageParts";
import { headerColumns, openWorkbook, rowById } from "../support/workbookFiles";
import { PYTHON_WITH_OPENPYXL, runOpenpyxl } from "./package/openpyxl";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-keep-"));
const file = (n: string): string => path.join(dir, n);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const HEADER_ROW = 4;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function capture(): CliIo & { text: () => string } {
  const lines: string[] = [];
  return {
    out: (t) => lines.push(t),
    err: (t) => lines.push(t),
    text: () => lines.join("\n"),
  };
}

async function cli(...args: string[]): Promise<void> {
  const io = capture();
  const code = await main(args, io);
  if (code !== 0) throw new Error(`gap-assessor ${args.join(" ")} exited ${code}: ${io.text()}`);
}

// ------------------------------------------------------------------------------------------------
// The package, read as parts

const partsOf = (name: string): Promise<Parts> => packageParts(file(name));

async function writeParts(name: string, parts: Parts): Promise<void> {
  const zip = new JSZip();
  for (const [n, bytes] of parts) zip.file(n, bytes);
  fs.writeFileSync(
    file(name),
    await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" })
  );
}

const text = (parts: Parts, name: string): string => (parts.get(name) as Buffer).toString("utf8");

const decode = (v: string): string =>
  v.replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_m, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e] as string
  );

const attrs = (tag: string): Record<string, string> =>
  Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], decode(m[2])]));

function rels(
  parts: Parts,
  part: string
): { id: string; type: string; target: string; mode?: string }[] {
  const relsName = `${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`;
  const xml = parts.get(relsName)?.toString("utf8") ?? "";
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
    const a = attrs(m[0]);
    return {
      id: a.Id,
      type: a.Type.split("/").pop() as string,
      target: a.Target,
      mode: a.TargetMode,
    };
  });
}

const resolve = (from: string, target: string): string =>
  target.startsWith("/")
    ? target.slice(1)
    : path.posix.normalize(path.posix.join(path.posix.dirname(from), target));

/** Sheet name → worksheet part, in tab order. */
function sheets(parts: Parts): { name: string; part: string }[] {
  const wb = text(parts, "xl/workbook.xml");
  const byId = new Map(rels(parts, "xl/workbook.xml").map((r) => [r.id, r]));
  return [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const a = attrs(m[0]);
    return {
      name: a.name,
      part: resolve("xl/workbook.xml", (byId.get(a["r:id"]) as { target: string }).target),
    };
  });
}

const sheetPart = (parts: Parts, name: string): string =>
  (sheets(parts).find((s) => s.name === name) as { part: string }).part;

/** Every hyperlink of a sheet: cell → target (external address or place in the workbook). */
function hyperlinks(parts: Parts, sheet: string): Record<string, string> {
  const part = sheetPart(parts, sheet);
  const byId = new Map(rels(parts, part).map((r) => [r.id, r.target]));
  const out: Record<string, string> = {};
  for (const m of text(parts, part).matchAll(/<hyperlink\b[^>]*>/g)) {
    const a = attrs(m[0]);
    out[a.ref] = a.location !== undefined ? `#${a.location}` : (byId.get(a["r:id"]) as string);
  }
  return out;
}

/** Every note of a sheet: cell → author and text. */
function notes(parts: Parts, sheet: string): Record<string, string> {
  const part = sheetPart(parts, sheet);
  const comments = rels(parts, part).find((r) => r.type === "comments");
  if (!comments) return {};
  const xml = text(parts, resolve(part, comments.target));
  const authors = [...xml.matchAll(/<author>([^<]*)<\/author>/g)].map((m) => m[1]);
  const out: Record<string, string> = {};
  for (const m of xml.matchAll(/<comment\b([^>]*)>([\s\S]*?)<\/comment>/g)) {
    const a = attrs(m[1]);
    const body = [...m[2].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join("");
    out[a.ref] = `${authors[Number(a.authorId)] ?? ""}: ${body}`;
  }
  return out;
}

/** The chart parts a sheet's drawing shows, with their bytes (any namespace prefixes). */
function charts(parts: Parts, sheet: string): { anchor: string; chart: string }[] {
  const part = sheetPart(parts, sheet);
  const drawingRel = rels(parts, part).find((r) => r.type === "drawing");
  if (!drawingRel) return [];
  const drawing = resolve(part, drawingRel.target);
  const xml = text(parts, drawing);
  const byId = new Map(rels(parts, drawing).map((r) => [r.id, resolve(drawing, r.target)]));
  const anchors =
    /<((?:\w+:)?(?:twoCellAnchor|oneCellAnchor|absoluteAnchor))\b[^>]*>([\s\S]*?)<\/\1>/g;
  return [...xml.matchAll(anchors)].flatMap((m) => {
    const chart = /<(?:\w+:)?chart\b[^>]*\b\w+:id="([^"]*)"/.exec(m[2]);
    // Where it sits: everything before the frame (from, to or ext).
    const anchor = /^[\s\S]*?(?=<(?:\w+:)?graphicFrame\b)/.exec(m[2]);
    return chart && anchor
      ? [{ anchor: anchor[0], chart: text(parts, byId.get(chart[1]) as string) }]
      : [];
  });
}

const element = (xml: string, name: string): string | undefined =>
  new RegExp(`<${name}\\b[^>]*>`).exec(xml)?.[0];

function definedNames(parts: Parts): Record<string, string> {
  const xml = text(parts, "xl/workbook.xml");
  const names = sheets(parts).map((s) => s.name);
  const out: Record<string, string> = {};
  for (const m of xml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    const a = attrs(m[1]);
    const scope = a.localSheetId === undefined ? "" : `${names[Number(a.localSheetId)]}!`;
    out[`${scope}${a.name}`] = m[2];
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// What the workbook's people add

const USER_SHEET = "Budget";
const CHART_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
  '<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Spend by month</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>' +
  '<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
  '<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>\'Budget\'!$B$1</c:f></c:strRef></c:tx>' +
  "<c:cat><c:numRef><c:f>'Budget'!$A$2:$A$6</c:f></c:numRef></c:cat>" +
  "<c:val><c:numRef><c:f>'Budget'!$B$2:$B$6</c:f></c:numRef></c:val></c:ser>" +
  '<c:axId val="111"/><c:axId val="222"/></c:barChart>' +
  '<c:catAx><c:axId val="111"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="222"/></c:catAx>' +
  '<c:valAx><c:axId val="222"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="111"/></c:valAx>' +
  '</c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>';
const DRAWING_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
  "<xdr:twoCellAnchor><xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>" +
  "<xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>18</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>" +
  '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Spend chart"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
  '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
  `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/>` +
  "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>";
/** Excel's SHA-512 hash of the password "secret" (salted, 100,000 rounds), as Excel writes it. */
const WORKBOOK_LOCK =
  '<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="kUn7xWg1V6r7D+4l3k0y9n2m3UzQ0m1mH1l1m5x0c3w5dX6a0uQb8J3y0n7gYQkQ7l0b3o9tV5pP2d2xQ9b2RA==" ' +
  'workbookSaltValue="uGxWvZ1lKQ4a0vB3mZk8Fw==" workbookSpinCount="100000" lockStructure="1"/>';
const USER_NAMES =
  "<definedName name=\"Budget_Total\">SUM('Budget'!$B$2:$B$6)</definedName>" +
  '<definedName name="FX_Rate" comment="EUR per GBP">1.17</definedName>' +
  "<definedName name=\"Budget_Months\">'Budget'!$A$2:$A$6</definedName>";
const CUSTOM_PROPERTIES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
  '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Classification"><vt:lpwstr>Confidential</vt:lpwstr></property></Properties>';

/** Fills, fonts, links, notes and a sheet of their own, as people add them in Excel. */
async function addWithExcel(from: string, to: string): Promise<void> {
  const wb = await openWorkbook(file(from));
  const annex = wb.getWorksheet("Annex A") as ExcelJS.Worksheet;
  const a = headerColumns(annex, HEADER_ROW);
  const ids = ["5.1", "5.2", "5.3", "5.7", "5.9", "6.1", "7.4", "8.8", "8.9", "8.12"];
  ids.forEach((id, i) => {
    const row = rowById(annex, HEADER_ROW, id);
    annex.getCell(row, a.get("Evidence") as number).value = {
      text: `Evidence ${id}`,
      hyperlink: `https://intranet.example/isms/${id}`,
      tooltip: "Open the evidence folder",
    };
    annex.getCell(row, a.get("Owner") as number).note = `Owner of ${id} to confirm (${i + 1})`;
    annex.getCell(row, a.get("Notes") as number).note = `Reviewed in workshop ${i + 1}`;
  });
  // Someone typed over a score formula: ours, so the rebuild puts it back.
  annex.getCell(rowById(annex, HEADER_ROW, "5.1"), a.get("Gap score") as number).value = 0.1;
  const status = annex.getCell(rowById(annex, HEADER_ROW, "5.2"), a.get("Status") as number);
  status.value = "Partially Compliant";
  status.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  status.font = { bold: true, color: { argb: "FFC00000" }, name: "Calibri", size: 11 };
  annex.getColumn(a.get("Evidence") as number).width = 77;

  const summary = wb.getWorksheet("Summary") as ExcelJS.Worksheet;
  summary.getCell("J2").value = "Reviewed by the CFO on 3 March";
  for (let i = 0; i < 5; i++) summary.getCell(`J${4 + i}`).note = `Summary note ${i + 1}`;

  const own = wb.addWorksheet(USER_SHEET);
  own.getCell("A1").value = "Month";
  own.getCell("B1").value = "Spend";
  own.getCell("C1").value = "Compliant controls";
  for (let i = 0; i < 5; i++) {
    own.getCell(`A${i + 2}`).value = new Date(Date.UTC(2026, i, 1));
    own.getCell(`A${i + 2}`).numFmt = "yyyy-mm-dd";
    own.getCell(`B${i + 2}`).value = 1000 * (i + 1);
    own.getCell(`D${i + 2}`).note = `Budget note ${i + 1}`;
  }
  own.getCell("C2").value = { formula: 'COUNTIFS(AnnexA[Status],"Compliant")' };
  own.getCell("C3").value = { formula: "COUNTA(AnnexA[ID])" };
  own.getCell("A8").value = "Back to Annex A"; // a link to a place in the workbook: see below
  own.getCell("B1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF92D050" } };
  own.getCell("B1").font = { italic: true, name: "Arial", size: 12 };
  own.getColumn(1).width = 24;
  await own.protect("secret", { selectLockedCells: true, selectUnlockedCells: true });
  await wb.xlsx.writeFile(file(to));
}

/** What Excel writes and ExcelJS does not model: a chart, workbook protection, names, properties. */
async function addAtPackageLevel(from: string, to: string): Promise<void> {
  const parts = await partsOf(from);
  const sheet = sheetPart(parts, USER_SHEET);
  const sheetRels = `xl/worksheets/_rels/${path.posix.basename(sheet)}.rels`;
  const existing = parts.get(sheetRels)?.toString("utf8");
  const rel = `<Relationship Id="rIdChart9" Type="${REL}/drawing" Target="../drawings/drawing9.xml"/>`;
  parts.set(
    sheetRels,
    Buffer.from(
      existing
        ? existing.replace("</Relationships>", `${rel}</Relationships>`)
        : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`
    )
  );
  const sheetXml = text(parts, sheet);
  // <drawing> goes after headerFooter and breaks, before legacyDrawing, tableParts and extLst.
  const before = /<(legacyDrawing|tableParts|extLst)\b/.exec(sheetXml);
  const at = before ? before.index : sheetXml.lastIndexOf("</worksheet>");
  // A link to a place in the workbook, as Excel writes it (no relationship, a `location`).
  const withDrawing = `${sheetXml.slice(0, at)}<drawing xmlns:r="${REL}" r:id="rIdChart9"/>${sheetXml.slice(at)}`;
  parts.set(
    sheet,
    Buffer.from(
      withDrawing.replace(
        "<pageMargins",
        `<hyperlinks><hyperlink ref="A8" location="'Annex A'!A1" display="Back to Annex A"/></hyperlinks><pageMargins`
      )
    )
  );
  parts.set("xl/drawings/drawing9.xml", Buffer.from(DRAWING_XML));
  parts.set(
    "xl/drawings/_rels/drawing9.xml.rels",
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart9.xml"/></Relationships>`
    )
  );
  parts.set("xl/charts/chart9.xml", Buffer.from(CHART_XML));
  parts.set("docProps/custom.xml", Buffer.from(CUSTOM_PROPERTIES));
  parts.set(
    "_rels/.rels",
    Buffer.from(
      text(parts, "_rels/.rels").replace(
        "</Relationships>",
        `<Relationship Id="rIdCustom" Type="${REL}/custom-properties" Target="docProps/custom.xml"/></Relationships>`
      )
    )
  );
  parts.set(
    "[Content_Types].xml",
    Buffer.from(
      text(parts, "[Content_Types].xml").replace(
        "</Types>",
        '<Override PartName="/xl/drawings/drawing9.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
          '<Override PartName="/xl/charts/chart9.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
          '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>'
      )
    )
  );
  const localId = sheets(parts).findIndex((s) => s.name === USER_SHEET);
  parts.set(
    "xl/workbook.xml",
    Buffer.from(
      text(parts, "xl/workbook.xml")
        .replace("<sheets>", `${WORKBOOK_LOCK}<sheets>`)
        .replace(
          "</definedNames>",
          `${USER_NAMES}<definedName name="Local_Note" localSheetId="${localId}">'Budget'!$A$1</definedName></definedNames>`
        )
    )
  );
  await writeParts(to, parts);
}

// ------------------------------------------------------------------------------------------------

/** Everything of theirs, read from a package, for comparing before and after. */
async function theirs(name: string): Promise<Record<string, unknown>> {
  const parts = await partsOf(name);
  const wb = await openWorkbook(file(name));
  const own = wb.getWorksheet(USER_SHEET) as ExcelJS.Worksheet;
  const annex = wb.getWorksheet("Annex A") as ExcelJS.Worksheet;
  const a = headerColumns(annex, HEADER_ROW);
  const status = annex.getCell(rowById(annex, HEADER_ROW, "5.2"), a.get("Status") as number);
  const names = definedNames(parts);
  const workbookXml = text(parts, "xl/workbook.xml");
  const custom = rels(parts, "").find((r) => r.type === "custom-properties");
  return {
    hyperlinks: { annex: hyperlinks(parts, "Annex A"), own: hyperlinks(parts, USER_SHEET) },
    notes: {
      annex: notes(parts, "Annex A"),
      summary: notes(parts, "Summary"),
      own: notes(parts, USER_SHEET),
    },
    style: {
      fill: status.fill,
      font: status.font,
      ownFill: own.getCell("B1").fill,
      ownFont: own.getCell("B1").font,
    },
    widths: {
      evidence: annex.getColumn(a.get("Evidence") as number).width,
      own: own.getColumn(1).width,
    },
    summaryText: (wb.getWorksheet("Summary") as ExcelJS.Worksheet).getCell("J2").value,
    tabs: sheets(parts).map((s) => s.name),
    ownCells: [1, 2, 3, 4, 5, 6, 8].map((r) =>
      ["A", "B", "C"].map((c) => {
        const cell = own.getCell(`${c}${r}`);
        const v = cell.value as { formula?: string; result?: unknown } | null;
        return [
          v && typeof v === "object" && "formula" in v ? { formula: v.formula } : v,
          cell.numFmt,
        ];
      })
    ),
    charts: charts(parts, USER_SHEET),
    names: Object.fromEntries(
      ["Budget_Total", "FX_Rate", "Budget_Months", `${USER_SHEET}!Local_Note`].map((n) => [
        n,
        names[n],
      ])
    ),
    nameComment: /<definedName name="FX_Rate"[^>]*>/.exec(workbookXml)?.[0],
    sheetProtection: element(text(parts, sheetPart(parts, USER_SHEET)), "sheetProtection"),
    workbookProtection: element(workbookXml, "workbookProtection"),
    customProperties: custom ? text(parts, custom.target) : undefined,
  };
}

describe("writing from an existing workbook keeps everything we do not own", () => {
  let before: Record<string, unknown>;
  const outputs = ["rebuilt.xlsx", "planned.xlsx", "snapshot.xlsx", "imported.xlsx"];

  beforeAll(async () => {
    await cli("build", "--out", file("built.xlsx"), "--org", "Acme Ltd");
    // The Remediation Plan exists before the structure is locked: no command adds a sheet.
    await cli("plan", file("built.xlsx"), "--out", file("with-plan.xlsx"));
    await addWithExcel("with-plan.xlsx", "edited.xlsx");
    await addAtPackageLevel("edited.xlsx", "theirs.xlsx");
    before = await theirs("theirs.xlsx");
    fs.writeFileSync(file("questions.xlsx"), (await auditorQuestions()).buffer);

    await cli("build", "--from", file("theirs.xlsx"), "--out", file("rebuilt.xlsx"));
    await cli("plan", file("theirs.xlsx"), "--out", file("planned.xlsx"));
    await cli("snapshot", file("theirs.xlsx"), "--out", file("snapshot.xlsx"), "--note", "Q1");
    await cli(
      "import",
      file("questions.xlsx"),
      "--into",
      file("theirs.xlsx"),
      "--out",
      file("imported.xlsx")
    );
  }, 180_000);

  it("has what a person added in the fixture (30 notes, links, a chart, names, protection)", () => {
    const counted = before as {
      notes: Record<string, Record<string, string>>;
      hyperlinks: Record<string, Record<string, string>>;
      charts: unknown[];
    };
    expect(Object.values(counted.notes).reduce((n, s) => n + Object.keys(s).length, 0)).toBe(30);
    expect(Object.keys(counted.hyperlinks.annex)).toHaveLength(10);
    expect(counted.hyperlinks.own).toEqual({ A8: "#'Annex A'!A1" });
    expect(counted.charts).toHaveLength(1);
    expect(before.sheetProtection).toMatch(/hashValue="[^"]+"/);
    expect(before.workbookProtection).toContain('lockStructure="1"');
  });

  it.each(outputs)(
    "%s keeps every link, note, fill, width, sheet, name, chart and password",
    async (out) => {
      expect(await theirs(out)).toEqual(before);
    }
  );

  it.each(outputs)("%s carries every part ExcelJS does not write byte for byte", async (out) => {
    const input = await partsOf("theirs.xlsx");
    const output = await partsOf(out);
    const written =
      /^(xl\/worksheets\/|xl\/workbook\.xml|xl\/styles\.xml|xl\/sharedStrings\.xml|xl\/tables\/|xl\/theme\/|docProps\/(app|core)\.xml|\[Content_Types\]\.xml|.*\.rels$)/;
    const carried = [...input.keys()].filter((n) => !written.test(n));
    expect(carried).toEqual(
      expect.arrayContaining([
        "xl/charts/chart9.xml",
        "xl/drawings/drawing9.xml",
        "docProps/custom.xml",
      ])
    );
    const outputBytes = [...output.values()];
    for (const part of carried)
      expect([part, outputBytes.some((b) => b.equals(input.get(part) as Buffer))]).toEqual([
        part,
        true,
      ]);
  });

  it("updates what we own: a score formula comes back, a snapshot row, plan rows, imported answers", async () => {
    const annexOf = async (
      name: string
    ): Promise<{ ws: ExcelJS.Worksheet; a: Map<string, number> }> => {
      const ws = (await openWorkbook(file(name))).getWorksheet("Annex A") as ExcelJS.Worksheet;
      return { ws, a: headerColumns(ws, HEADER_ROW) };
    };
    const rebuilt = await annexOf("rebuilt.xlsx");
    const gap = rebuilt.ws.getCell(
      rowById(rebuilt.ws, HEADER_ROW, "5.1"),
      rebuilt.a.get("Gap score") as number
    ).value as ExcelJS.CellFormulaValue;
    expect(gap.formula).toMatch(/^IF\(AnnexA\[\[#This Row\],\[Applicable\]\]="No"/);

    const history = (await openWorkbook(file("snapshot.xlsx"))).getWorksheet(
      "Snapshot History"
    ) as ExcelJS.Worksheet;
    const notesColumn = headerColumns(history, HEADER_ROW).get("Note") as number;
    const noted: unknown[] = [];
    history.eachRow((row, r) => {
      if (r > HEADER_ROW) noted.push(row.getCell(notesColumn).value);
    });
    expect(noted).toContain("Q1");

    const plan = (await openWorkbook(file("planned.xlsx"))).getWorksheet(
      "Remediation Plan"
    ) as ExcelJS.Worksheet;
    expect(String(plan.getCell(HEADER_ROW + 1, 1).value ?? "")).not.toBe("");

    const imported = await annexOf("imported.xlsx");
    const { expected } = await auditorQuestions();
    const [id, status] = Object.entries(expected.annexA)[0];
    expect(
      imported.ws.getCell(rowById(imported.ws, HEADER_ROW, id), imported.a.get("Status") as number)
        .value
    ).toBe(status);
  });

  it("moves no sheet: theirs stays last, ours keep their places", async () => {
    for (const out of outputs) expect([out, (await theirs(out)).tabs]).toEqual([out, before.tabs]);
  });
});

describe("what cannot be kept stops the command before it writes", () => {
  beforeAll(async () => {
    await cli("build", "--out", file("plain.xlsx"), "--org", "Acme Ltd");
  });

  it("refuses macros in a workbook written to .xlsx, naming the part; --allow-loss writes without them", async () => {
    const parts = await partsOf("plain.xlsx");
    parts.set("xl/vbaProject.bin", Buffer.from("not really a VBA project"));
    parts.set(
      "xl/_rels/workbook.xml.rels",
      Buffer.from(
        text(parts, "xl/_rels/workbook.xml.rels").replace(
          "</Relationships>",
          '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'
        )
      )
    );
    await writeParts("macros.xlsx", parts);
    const io = capture();
    expect(
      await main(["build", "--from", file("macros.xlsx"), "--out", file("no-macros.xlsx")], io)
    ).toBe(2);
    expect(io.text()).toContain("xl/vbaProject.bin");
    expect(io.text()).toMatch(/macros/);
    expect(io.text()).toMatch(/--allow-loss/);
    expect(fs.existsSync(file("no-macros.xlsx"))).toBe(false);

    await expect(
      buildAssessmentFile({ from: file("macros.xlsx"), out: file("no-macros.xlsx") })
    ).rejects.toBeInstanceOf(PartsWouldBeLostError);
    const result = await buildAssessmentFile({
      from: file("macros.xlsx"),
      out: file("no-macros.xlsx"),
      allowLoss: true,
    });
    expect(result.dropped).toEqual([expect.stringContaining("xl/vbaProject.bin")]);
    expect((await partsOf("no-macros.xlsx")).has("xl/vbaProject.bin")).toBe(false);

    // The same through the command line: written, and the dropped part named on stderr.
    const allowed = capture();
    expect(
      await main(
        [
          "build",
          "--from",
          file("macros.xlsx"),
          "--out",
          file("cli-no-macros.xlsx"),
          "--allow-loss",
        ],
        allowed
      )
    ).toBe(0);
    expect(allowed.text()).toMatch(/left out of .*cli-no-macros\.xlsx: .*xl\/vbaProject\.bin/);
    expect((await partsOf("cli-no-macros.xlsx")).has("xl/vbaProject.bin")).toBe(false);

    // A macro-enabled file keeps them.
    await buildAssessmentFile({ from: file("macros.xlsx"), out: file("macros-kept.xlsm") });
    const kept = await partsOf("macros-kept.xlsm");
    expect(kept.get("xl/vbaProject.bin")?.toString()).toBe("not really a VBA project");
  });

  it("reports a locked workbook structure when the command would add a sheet", async () => {
    const parts = await partsOf("plain.xlsx");
    parts.set(
      "xl/workbook.xml",
      Buffer.from(text(parts, "xl/workbook.xml").replace("<sheets>", `${WORKBOOK_LOCK}<sheets>`))
    );
    await writeParts("locked.xlsx", parts);
    const io = capture();
    expect(
      await main(["plan", file("locked.xlsx"), "--out", file("locked-plan.xlsx")], io)
    ).not.toBe(0);
    expect(io.text()).toContain("structure protected");
    expect(io.text()).toContain('"Remediation Plan"');
    expect(fs.existsSync(file("locked-plan.xlsx"))).toBe(false);
    // A rebuild adds no sheet: the lock stays as it was, hash included.
    await cli("build", "--from", file("locked.xlsx"), "--out", file("locked-rebuilt.xlsx"));
    expect(
      element(text(await partsOf("locked-rebuilt.xlsx"), "xl/workbook.xml"), "workbookProtection")
    ).toBe(element(WORKBOOK_LOCK, "workbookProtection"));
  });

  it("names the cells a growing table would overwrite", async () => {
    // A note typed right below a table joins it, as in Excel; one a row further down is in the way.
    await cli("snapshot", file("plain.xlsx"), "--out", file("one-snapshot.xlsx"));
    const wb = await openWorkbook(file("one-snapshot.xlsx"));
    const history = wb.getWorksheet("Snapshot History") as ExcelJS.Worksheet;
    const table = history.getTables()[0] as unknown as { table: { tableRef: string } };
    const last = Number(/(\d+)$/.exec(table.table.tableRef)?.[1]);
    history.getCell(`A${last + 2}`).value = "my own note below the table";
    await wb.xlsx.writeFile(file("crowded.xlsx"));
    const io = capture();
    expect(
      await main(["snapshot", file("crowded.xlsx"), "--out", file("crowded-out.xlsx")], io)
    ).not.toBe(0);
    expect(io.text()).toContain(`A${last + 2}`);
    expect(io.text()).toContain("my own note below the table");
    expect(fs.existsSync(file("crowded-out.xlsx"))).toBe(false);
  });
});

const OPENPYXL_ADDS = `
import sys
from openpyxl import load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
wb = load_workbook(sys.argv[1])
ws = wb.create_sheet("Scores")
ws.append(["Quarter", "Score"])
for i in range(4):
    ws.append([f"Q{i + 1}", 0.5 + i / 10])
chart = BarChart()
chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=5), titles_from_data=True)
ws.add_chart(chart, "D2")
ws["A7"].comment = Comment("Quarterly figures from finance", "Anna")
wb["Annex A"]["H5"].comment = Comment("See the SharePoint folder", "Ben")
ws.protection.password = "secret"
ws.protection.sheet = True
wb.security = WorkbookProtection(workbookPassword="wbpw", lockStructure=False, lockWindows=True)
wb.defined_names.append(DefinedName("Target_Score", attr_text="0.8"))
wb.defined_names.append(DefinedName("Score_Sum", attr_text="SUM(Scores!$B$2:$B$5)"))
wb.save(sys.argv[2])
`;

describeWithTool(
  "python3-openpyxl",
  PYTHON_WITH_OPENPYXL,
  "a workbook openpyxl added a chart, notes, names and passwords to",
  () => {
    beforeAll(async () => {
      await cli("build", "--out", file("for-openpyxl.xlsx"), "--org", "Acme Ltd");
      const script = `${OPENPYXL_ADDS}`.replace("sys.argv[1]", `r"${file("for-openpyxl.xlsx")}"`);
      runOpenpyxl(script.replace("sys.argv[2]", "sys.argv[1]"), file("openpyxl.xlsx"));
      await cli("build", "--from", file("openpyxl.xlsx"), "--out", file("openpyxl-rebuilt.xlsx"));
    }, 120_000);

    it("keeps the chart, the notes, the names and the legacy password hashes", async () => {
      const input = await partsOf("openpyxl.xlsx");
      const output = await partsOf("openpyxl-rebuilt.xlsx");
      const summary = (parts: Parts): Record<string, unknown> => {
        const names = definedNames(parts);
        return {
          chart: charts(parts, "Scores"),
          notes: [notes(parts, "Scores"), notes(parts, "Annex A")],
          names: [names.Target_Score, names.Score_Sum],
          sheetProtection: element(text(parts, sheetPart(parts, "Scores")), "sheetProtection"),
          workbookProtection: element(text(parts, "xl/workbook.xml"), "workbookProtection"),
          tabs: sheets(parts).map((s) => s.name),
        };
      };
      const before = summary(input);
      expect(before.chart).toHaveLength(1);
      expect(before.sheetProtection).toMatch(/password="[0-9A-F]{4}"/);
      expect(before.workbookProtection).toMatch(/workbookPassword="[0-9A-F]{4}"/);
      expect(summary(output)).toEqual(before);
    });
  }
);
