// `gap-assessor catalog [--json]`: the clauses, controls, 2013 mapping and mandatory documents.
import { parseCommandArgs } from "../args";
import { CLAUSES, CONTROLS, DOCUMENTS, MAPPING_2013, catalogJson } from "../../catalog";
import type { CliCommand } from "../command";
import { EXIT } from "../io";

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => rows.reduce((w, r) => Math.max(w, r[c].length), 0));
  return rows
    .map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join("  "))
    .join("\n");
}

export const catalogCommand: CliCommand = {
  name: "catalog",
  summary: "list the clauses, Annex A controls, 2013→2022 mapping and mandatory documents",
  usage: "Usage: gap-assessor catalog [--json]\n  --json  machine-readable output",
  async run(args, io) {
    const { values } = parseCommandArgs(args, { json: { type: "boolean" } });
    if (values.json) {
      io.out(JSON.stringify(catalogJson()));
      return EXIT.ok;
    }
    io.out(`Clauses 4-10 (${CLAUSES.length})`);
    io.out(table([["ID", "Title"], ...CLAUSES.map((c) => [c.id, c.title])]));
    io.out(`\nAnnex A controls (${CONTROLS.length}; * = new in 2022)`);
    io.out(
      table([
        ["ID", "Theme", "Title"],
        ...CONTROLS.map((c) => [c.id + (c.new ? "*" : ""), c.theme, c.title]),
      ])
    );
    io.out(`\nISO/IEC 27001:2013 → 2022 (${MAPPING_2013.length})`);
    io.out(
      table([
        ["2013", "2022", "Title (2013)"],
        ...MAPPING_2013.map((m) => [m.iso2013, m.iso2022.join(", "), m.title2013]),
      ])
    );
    io.out(`\nMandatory documented information (${DOCUMENTS.length})`);
    io.out(
      table([["Clause", "Kind", "Title"], ...DOCUMENTS.map((d) => [d.clause, d.kind, d.title])])
    );
    return EXIT.ok;
  },
};
