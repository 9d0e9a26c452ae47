// The report as a Word document's bytes: the document is built in core/report/docx.ts (shared
// with the task pane, which packs it into a Blob) and packed here for safeWrite.
import { Packer } from "docx";
import { reportDocument } from "../core/report/docx";
import type { ReportModel } from "../core/report/model";

/** The report model as a Word document's bytes. */
export async function reportDocx(m: ReportModel): Promise<Buffer> {
  return Packer.toBuffer(reportDocument(m));
}
