// The package patch (src/xlsx/patch) against the full path (ExcelJS load, reconcile, carry-over):
// from the same input, both must leave every sheet with the same values and formulas, the same
// table ranges and rule ranges; the patch must keep every part it has no reason to touch byte for
// byte; and whatever it cannot do it hands to the full path, which then does it.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { buildAssessmentFile, type BuildOptions, type BuildResult } from "../../src/xlsx/build";
import { streamSnapshots } from "../../src/xlsx/streamSnapshots";
import { snapshotRow } from "../../src/core/history";
import { packageParts, type Parts } from "../support/packageParts";
import { openWorkbook, headerColumns, rowById } from "../support/workbookFiles";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-patch-"));
const file = (n: string): string => path.join(dir, n);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const partsOf = (name: string): Promise<Parts> => packageParts(file(name));

/** Every sheet's values and formulas, as a reader sees them. */
async function contentOf(name: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  // An emptied cell is blank in one path and an empty string in the other: both read as empty.
  for (const s of await streamSnapshots(file(name)))
    out[s.name] = {
      origin: s.origin,
      values: s.values.map((row) => row.map((v) => (v === "" ? null : v))),
      formulas: s.formulas,
      tables: s.tables,
    };
  return out;
}

/** Sheet name → worksheet part, through the workbook's relationships. */
function sheetParts(parts: Parts): Map<string, string> {
  const wb = parts.get("xl/workbook.xml")!.toString("utf8");
  const rels = parts.get("xl/_rels/workbook.xml.rels")!.toString("utf8");
  const target = new Map(
    [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [
      /Id="([^"]*)"/.exec(m[0])![1],
      /Target="([^"]*)"/.exec(m[0])![1].replace(/^\/?(xl\/)?/, "xl/"),
    ])
  );
  return new Map(
    [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => [
      /name="([^"]*)"/.exec(m[0])![1],
      target.get(/r:id="([^"]*)"/.exec(m[0])![1])!,
    ])
  );
}

/** Every validation / conditional-format range and page break, per sheet, and every name. */
async function rangesOf(name: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const parts = await partsOf(name);
  for (const [sheet, part] of sheetParts(parts)) {
    const xml = parts.get(part)!.toString("utf8");
    out[sheet] = [
      ...[
        ...xml.matchAll(/<(?:dataValidation|conditionalFormatting)\b[^>]*\bsqref="([^"]*)"/g),
        // "E5:E5" and "E5" are the same range, as two writers may spell it.
      ].map((m) => m[1].replace(/\b([A-Z]+\d+):\1\b/g, "$1")),
      ...[...xml.matchAll(/<brk\b[^>]*\bid="(\d+)"/g)].map((m) => `break ${m[1]}`),
      ...[...xml.matchAll(/<mergeCell\b[^>]*\bref="([^"]*)"/g)].map((m) => `merge ${m[1]}`),
    ].sort();
  }
  const wb = parts.get("xl/workbook.xml")!.toString("utf8");
  out["(names)"] = [...wb.matchAll(/<definedName\b([^>]*)>([^<]*)</g)]
    .map(
      (m) =>
        `${/name="([^"]*)"/.exec(m[1])![1]}|${/localSheetId="(\d+)"/.exec(m[1])?.[1] ?? ""}|${m[2]
          .replace(/&apos;|'|\$/g, "")
          .toLowerCase()}`
    )
    .sort();
  return out;
}

/** JSON with keys in order: two writers may list a font's properties in another order. */
const stable = (v: unknown): string =>
  v && typeof v === "object"
    ? Array.isArray(v)
      ? `[${v.map(stable).join(",")}]`
      : `{${Object.keys(v)
          .sort()
          .map((k) => `${k}:${stable((v as Record<string, unknown>)[k])}`)
          .join(",")}}`
    : JSON.stringify(v);

/** Every cell's look (font, fill, number format, alignment, protection) as ExcelJS reads it. */
async function looksOf(name: string): Promise<Record<string, string>> {
  const wb = await openWorkbook(file(name));
  const out: Record<string, string> = {};
  for (const ws of wb.worksheets)
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const { font, fill, numFmt, alignment, protection } = cell.style;
        out[`${ws.name}!${cell.address}`] = stable({
          font,
          fill,
          numFmt,
          alignment,
          protection,
        });
      })
    );
  return out;
}

/** Runs the same build both ways; the patch run must take the patch. */
async function bothPaths(
  input: string,
  options: Omit<BuildOptions, "out" | "from">,
  tag: string
): Promise<{ patch: BuildResult; full: BuildResult }> {
  const patch = await buildAssessmentFile({
    ...options,
    from: file(input),
    out: file(`${tag}-patch.xlsx`),
  });
  const full = await buildAssessmentFile({
    ...options,
    from: file(input),
    out: file(`${tag}-full.xlsx`),
    fullPath: true,
  });
  expect(full.path).toBe("full");
  return { patch, full };
}

beforeAll(async () => {
  await buildAssessmentFile({ out: file("built.xlsx"), org: "Patch Co" });
  await buildAssessmentFile({
    from: file("built.xlsx"),
    out: file("planned.xlsx"),
    remediation: true,
    fullPath: true,
  });
}, 120_000);

test("an unchanged rebuild is patched, keeps every part but the document properties, and equals the full path", async () => {
  const { patch } = await bothPaths("built.xlsx", { org: "Patch Co" }, "same");
  expect(patch.path).toBe("patch");
  expect(patch.reconciled?.cellsWritten).toBe(0);
  const before = await partsOf("built.xlsx");
  const after = await partsOf("same-patch.xlsx");
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  const changed = [...after].filter(([n, b]) => !b.equals(before.get(n) as Buffer)).map(([n]) => n);
  // Our charts are drawn again (the same parts), which moves their content types in the list.
  expect(changed.filter((n) => n !== "[Content_Types].xml")).toEqual(["docProps/core.xml"]);
  const types = (parts: Parts): string[] =>
    [
      ...(parts.get("[Content_Types].xml") as Buffer)
        .toString("utf8")
        .matchAll(/<(?:Override|Default)\b[^>]*>/g),
    ]
      .map((m) => m[0])
      .sort();
  expect(types(after)).toEqual(types(before));
  expect(await contentOf("same-patch.xlsx")).toEqual(await contentOf("same-full.xlsx"));
}, 120_000);

test("edited statuses, a person's link, note and fill: plan appends rows by patch, as the full path does, and keeps theirs", async () => {
  // A person works in the planned workbook (saved by another writer: ExcelJS here).
  const wb = await openWorkbook(file("planned.xlsx"));
  const annex = wb.getWorksheet("Annex A")!;
  const cols = headerColumns(annex, 4);
  for (const id of ["5.1", "5.2", "5.3", "8.1", "8.2"]) {
    const row = rowById(annex, 4, id);
    annex.getCell(row, cols.get("Status")!).value = "Non-Compliant";
    annex.getCell(row, cols.get("Likelihood")!).value = 4;
    annex.getCell(row, cols.get("Impact")!).value = 5;
  }
  const evidence = annex.getCell(rowById(annex, 4, "5.1"), cols.get("Evidence")!);
  evidence.value = { text: "Policy", hyperlink: "https://intranet.example/policy" };
  evidence.note = "Checked by Anna";
  evidence.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  await wb.xlsx.writeFile(file("edited-elsewhere.xlsx"));
  // ExcelJS drops page breaks: one full run restores them (the patch would hand that over too).
  await buildAssessmentFile({
    from: file("edited-elsewhere.xlsx"),
    out: file("edited.xlsx"),
    fullPath: true,
  });

  const { patch } = await bothPaths("edited.xlsx", { remediation: true }, "edited");
  expect(patch.fullPathReason).toBeUndefined();
  expect(patch.path).toBe("patch");
  expect(patch.reconciled?.rowsAppended).toBeGreaterThan(0);
  expect(await contentOf("edited-patch.xlsx")).toEqual(await contentOf("edited-full.xlsx"));
  // The print area follows the plan in the patch; the full path keeps the one ExcelJS loaded.
  const printArea = /_xlnm\.Print_Area\|\d+\|remediation plan!/;
  const patchRanges = await rangesOf("edited-patch.xlsx");
  const fullRanges = await rangesOf("edited-full.xlsx");
  const area = patch.plan.sheets.find((s) => s.name === "Remediation Plan")!.print!.area!;
  expect(patchRanges["(names)"].find((n) => printArea.test(n))).toMatch(
    new RegExp(`!${area.toLowerCase()}$`)
  );
  for (const r of [patchRanges, fullRanges])
    r["(names)"] = r["(names)"].filter((n) => !printArea.test(n));
  expect(patchRanges).toEqual(fullRanges);

  // The person's link, note and fill are where they were; every part but the sheets and tables
  // the plan changed (and the properties and calculation settings) is byte for byte the input's.
  const before = await partsOf("edited.xlsx");
  const after = await partsOf("edited-patch.xlsx");
  const changed = [...after]
    .filter(([n, b]) => !before.get(n)?.equals(b))
    .map(([n]) => n)
    .sort();
  expect(
    changed.every((n) =>
      /^xl\/(worksheets\/sheet\d+|tables\/table\d+|workbook|styles)\.xml$|^docProps\/core\.xml$|^\[Content_Types\]\.xml$/.test(
        n
      )
    )
  ).toBe(true);
  const reread = await openWorkbook(file("edited-patch.xlsx"));
  const cell = reread.getWorksheet("Annex A")!.getCell(evidence.address);
  expect(cell.hyperlink).toBe("https://intranet.example/policy");
  expect(cell.note).toBeTruthy();
  expect((cell.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe("FFFFFF00");
}, 180_000);

/** `built.xlsx` with one part's XML rewritten. */
async function rewritePart(
  to: string,
  pick: (name: string, xml: string) => boolean,
  change: (xml: string) => string
): Promise<string> {
  const parts = await partsOf("built.xlsx");
  const name = [...parts.keys()].find((n) => pick(n, parts.get(n)!.toString("utf8")))!;
  const zip = new JSZip();
  for (const [n, b] of parts) zip.file(n, n === name ? change(b.toString("utf8")) : b);
  fs.writeFileSync(
    file(to),
    await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" })
  );
  return name;
}

test("plan on a workbook without a plan: the patch adds the sheet, moves the Summary, renames, as the full path does", async () => {
  const { patch } = await bothPaths("built.xlsx", { remediation: true }, "first-plan");
  expect(patch.fullPathReason).toBeUndefined();
  expect(patch.reconciled?.addedSheets).toEqual(["Remediation Plan"]);
  expect(await contentOf("first-plan-patch.xlsx")).toEqual(await contentOf("first-plan-full.xlsx"));
  expect(await rangesOf("first-plan-patch.xlsx")).toEqual(await rangesOf("first-plan-full.xlsx"));
  expect(await looksOf("first-plan-patch.xlsx")).toEqual(await looksOf("first-plan-full.xlsx"));
  // Planning the patched workbook again changes nothing.
  const again = await buildAssessmentFile({
    from: file("first-plan-patch.xlsx"),
    out: file("again.xlsx"),
    remediation: true,
  });
  expect(again.path).toBe("patch");
  expect(again.reconciled?.cellsWritten).toBe(0);
}, 180_000);

test("two snapshots: the history table fills its blank row, then grows, as the full path does", async () => {
  const first = snapshotRow(await streamSnapshots(file("planned.xlsx")), { date: 46_000 });
  const once = await buildAssessmentFile({
    from: file("planned.xlsx"),
    out: file("snap1.xlsx"),
    appendHistory: [first],
  } as BuildOptions);
  expect(once.path).toBe("patch");
  const second = snapshotRow(await streamSnapshots(file("snap1.xlsx")), {
    date: 46_007,
    note: "Before stage 1",
  });
  const { patch } = await bothPaths(
    "snap1.xlsx",
    { appendHistory: [second] } as Omit<BuildOptions, "out" | "from">,
    "snap2"
  );
  expect(patch.fullPathReason).toBeUndefined();
  expect(patch.reconciled?.rowsAppended).toBe(1);
  expect(await contentOf("snap2-patch.xlsx")).toEqual(await contentOf("snap2-full.xlsx"));
  expect(await rangesOf("snap2-patch.xlsx")).toEqual(await rangesOf("snap2-full.xlsx"));
  expect(await looksOf("snap2-patch.xlsx")).toEqual(await looksOf("snap2-full.xlsx"));
}, 180_000);

test("validations a person deleted are put back by the patch, as the full path puts them back", async () => {
  const annexPart = await rewritePart(
    "unvalidated.xlsx",
    (n, xml) => /worksheets\/sheet\d+\.xml$/.test(n) && xml.includes("AnnexA[[#This Row]"),
    (xml) => xml.replace(/<dataValidations\b[\s\S]*?<\/dataValidations>/, "")
  );
  const { patch } = await bothPaths("unvalidated.xlsx", {}, "unvalidated");
  expect(patch.path).toBe("patch");
  expect((await partsOf("unvalidated-patch.xlsx")).get(annexPart)!.toString("utf8")).toContain(
    "<dataValidations"
  );
  expect(await rangesOf("unvalidated-patch.xlsx")).toEqual(await rangesOf("unvalidated-full.xlsx"));
  expect(await contentOf("unvalidated-patch.xlsx")).toEqual(
    await contentOf("unvalidated-full.xlsx")
  );
}, 120_000);

test("what the patch does not do goes to the full path, with the reason", async () => {
  await rewritePart(
    "dates1904.xlsx",
    (n) => n === "xl/workbook.xml",
    (xml) => xml.replace(/<workbookPr\b[^>]*?\/?>/, '<workbookPr date1904="1"/>')
  );
  const result = await buildAssessmentFile({ from: file("dates1904.xlsx"), out: file("d.xlsx") });
  expect(result.path).toBe("full");
  expect(result.fullPathReason).toMatch(/1904/);
}, 120_000);
