// sharedStrings.xml → one entry per `<si>`: its plain text, its rich-text runs, or nothing.
// Text is kept in its stored form (`_xHHHH_` escapes as written) like the ExcelJS reader keeps it;
// the snapshot decodes it once.
import { excelJsTextDecode, walkXml } from "./xml";

export type SharedString = { plain: string } | { runs: string[] } | null;

export function readSharedStrings(xml: string | null, label: string, part: string): SharedString[] {
  if (xml === null) return [];
  const out: SharedString[] = [];
  let current: SharedString = null;
  let depth = 0; // inside <rPh> (phonetic guide), whose text is not the cell's
  let runs: string[] | null = null;
  let run: string | null = null;
  let text: string[] | null = null;
  walkXml(
    xml,
    {
      open(name) {
        if (name === "si") {
          current = null;
          runs = null;
        } else if (name === "rPh") depth++;
        else if (depth > 0) return;
        else if (name === "r") {
          runs ??= [];
          run = null;
        } else if (name === "t") text = [];
      },
      text(t) {
        if (text) text.push(t);
      },
      close(name) {
        if (name === "rPh") depth--;
        else if (depth > 0) return;
        else if (name === "t" && text) {
          const value = excelJsTextDecode(text.join(""));
          if (runs) run = value;
          else current = { plain: value };
          text = null;
        } else if (name === "r" && runs) {
          runs.push(run ?? "");
        } else if (name === "si") {
          out.push(runs ? { runs } : current);
        }
      },
    },
    label,
    part
  );
  return out;
}
