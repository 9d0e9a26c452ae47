// The shared print rules: the row-height estimate, the readable column set of wide tables, the
// section breaks of the Summary, and the header and footer every sheet carries.
import {
  MIN_PRINT_SCALE,
  columnPoints,
  estimateRowHeight,
  headerFooterString,
  printScale,
  printableSize,
  sectionBreaks,
  wrappedLines,
} from "../../../src/core/layout/printLayout";
import { layoutWorkbook } from "../../../src/core/layout/workbook";
import { emptySheet } from "../../../src/core/layout/workbookPlan";
import { SHEETS } from "../../../src/core/contract";
import { columnIndex, type CellValue } from "../../../src/core/snapshot";

describe("wrapped lines and row heights", () => {
  it("fills lines word by word and never splits a word that fits", () => {
    // 20 characters wide: 19 a line.
    expect(wrappedLines("short", 20)).toBe(1);
    expect(wrappedLines("aaaa bbbb cccc dddd", 20)).toBe(1);
    expect(wrappedLines("aaaa bbbb cccc dddd e", 20)).toBe(2);
    // A word that does not fit on the line moves whole to the next.
    expect(wrappedLines("aaaaaaaaaaaaaaa bbbbbbbbbb", 20)).toBe(2);
  });

  it("breaks a word longer than a line and counts explicit line breaks", () => {
    expect(wrappedLines("x".repeat(40), 20)).toBe(3);
    expect(wrappedLines("one\ntwo\nthree", 60)).toBe(3);
    expect(wrappedLines("", 20)).toBe(1);
  });

  it("gives a row the height of its tallest cell, none for one line, at most Excel's 409", () => {
    expect(estimateRowHeight([{ text: "short", width: 20 }])).toBeUndefined();
    const evidence = "Signed policy with version history v1.2, SharePoint › ISMS › 5.2";
    const lines = wrappedLines(evidence, 40);
    expect(lines).toBe(2);
    expect(
      estimateRowHeight([
        { text: "short", width: 20 },
        { text: evidence, width: 40 },
      ])
    ).toBe(lines * 15 + 2);
    expect(estimateRowHeight([{ text: "word ".repeat(2000), width: 10 }])).toBe(409);
  });
});

describe("the readable set of columns", () => {
  const plan = layoutWorkbook({ org: "Acme" });
  const sheet = (name: string) => plan.sheets.find((s) => s.name === name)!;

  it("prints every sheet landscape at 60% or more on the narrower paper", () => {
    for (const s of plan.sheets) {
      expect(s.print?.orientation).toBe("landscape");
      expect(printScale(s)).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
    }
  });

  it("prints ID and title on every page of the wide assessment sheets, status to scores beside them", () => {
    for (const name of [SHEETS.clauses, SHEETS.annexA]) {
      const s = sheet(name);
      const headers = (s.blocks[1].cells[0] ?? []).map((c) => String(c.value));
      const print = s.print!;
      expect(print.titleRows).toBe("4:4");
      const [first, last] = print.titleColumns!.split(":").map(columnIndex);
      expect(headers.slice(first, last + 1)).toContain("Title");
      const [from, to] = print.area!.split(":").map((a) => columnIndex(a.replace(/\d+$/, "")));
      const printed = headers.slice(from, to + 1);
      expect(printed[0]).toBe("Status");
      expect(printed).toEqual(
        expect.arrayContaining(["Evidence", "Owner", "Risk level", "Priority"])
      );
      expect(printed).not.toContain("Question");
      // The area runs over every table row.
      expect(print.area).toMatch(new RegExp(`\\D4:[A-Z]+${4 + s.tables[0].rows}$`));
      // The sheet whole would print under 60%: that is why it has an area.
      const all = Object.values(s.widths).reduce((n, w) => n + columnPoints(w), 0);
      expect(printableSize().width / all).toBeLessThan(MIN_PRINT_SCALE);
    }
  });

  it("prints Settings' sections one page wide, two tall", () => {
    const print = sheet(SHEETS.settings).print!;
    expect(print.area).toMatch(/^A1:C\d+$/);
    expect(print.fitToHeight).toBe(2);
  });
});

describe("the Summary's sections", () => {
  it("starts a section on a new page when it would not fit whole on the current one", () => {
    const s = emptySheet("S");
    // At 100%, a page holds about 487 / 16 ≈ 28 rows of 16 points (less 5% to spare).
    expect(sectionBreaks(s, 1, [10, 20, 30], 40)).toEqual([20]);
    expect(sectionBreaks(s, 1, [5, 10], 12)).toEqual([]);
    // Taller rows push the second section over.
    for (let r = 1; r <= 9; r++) s.rowHeights[r] = 45;
    expect(sectionBreaks(s, 1, [10], 20)).toEqual([10]);
  });

  it("keeps the readiness section whole on a page of the Summary", () => {
    const summary = layoutWorkbook({ org: "Acme" }).sheets.find((x) => x.name === SHEETS.summary)!;
    const print = summary.print!;
    expect(print.scale).toBeGreaterThanOrEqual(60);
    expect(print.fitToWidth).toBeUndefined();
    expect(print.breaks.length).toBeGreaterThan(0);
    // "Table row" is a helper: hidden by its number format.
    const rows = summary.blocks[0].cells;
    const header = rows.findIndex((line) => line.some((c) => c.value === "Table row")) + 1;
    expect(summary.formats).toContainEqual({
      range: `E${header}:E${header + 5}`,
      numberFormat: ";;;",
    });
  });
});

describe("headers and footers", () => {
  it("carry classification, version, organisation, sheet and page N of M, & escaped", () => {
    const plan = layoutWorkbook({
      org: "R&D Ltd",
      settings: new Map<string, CellValue>([
        ["classification", "Internal"],
        ["version", 2.1],
      ]),
    });
    for (const s of plan.sheets) {
      expect(headerFooterString(s.print!.header)).toBe("&LInternal&RVersion 2.1");
      expect(headerFooterString(s.print!.footer)).toBe("&CR&&D Ltd · &A · Page &P of &N");
    }
  });

  it("default to Confidential and version 1.0", () => {
    const plan = layoutWorkbook({});
    expect(plan.sheets[0].print!.header).toEqual({ left: "Confidential", right: "Version 1.0" });
    expect(plan.sheets[0].print!.footer).toEqual({ center: "&A · Page &P of &N" });
  });
});
