// The one door through which an .xlsx file or buffer becomes an ExcelJS workbook (readSnapshots,
// build --from): read the bytes under the file-size limit, say clearly what a file is when it is
// not an .xlsx, run the package pre-pass (./normalize), then let ExcelJS load the result.
// Strings in the returned workbook are kept as stored (`_xHHHH_` escapes not decoded, see
// ./xstring), so writing the workbook back keeps them; show them with decodeXString.
import { promises as fs } from "fs";
import type ExcelJS from "exceljs";
import { WorkbookReadError } from "../../core/errors";
import { MAX_FILE_BYTES, fileTooLarge } from "./limits";
import { excelJs } from "./loadExcelJs";
import { normalizeXlsxPackage, normalizedXlsxParts, type NormalizedParts } from "./normalize";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function readError(source: string, error: unknown): WorkbookReadError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new WorkbookReadError(`File not found: ${source}`);
  if (code === "EISDIR") return new WorkbookReadError(`"${source}" is a folder, not an .xlsx file`);
  return new WorkbookReadError(`Cannot read "${source}": ${(error as Error).message}`);
}

/** The file's bytes (refused by size before reading) and the label messages use for it. */
export async function loadXlsxBytes(
  source: string | Buffer
): Promise<{ bytes: Buffer; label: string }> {
  if (typeof source !== "string") return { bytes: source, label: "The workbook" };
  const label = `"${source}"`;
  try {
    const stat = await fs.stat(source);
    if (stat.isDirectory()) throw Object.assign(new Error("is a folder"), { code: "EISDIR" });
    if (stat.size > MAX_FILE_BYTES) throw fileTooLarge(label, stat.size);
    return { bytes: await fs.readFile(source), label };
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    throw readError(source, error);
  }
}

/** Checks the first bytes so the user hears what the file is instead of a zip library's complaint. */
function checkXlsxSignature(bytes: Buffer, label: string): void {
  if (bytes.length === 0) throw new WorkbookReadError(`${label} is empty (0 bytes)`);
  if (startsWith(bytes, CFB_MAGIC)) {
    throw new WorkbookReadError(
      `${label} is password-protected (encrypted) or an old binary .xls workbook, which cannot be read`,
      "Remove the password in Excel (File › Info › Protect Workbook) or save it as .xlsx, then try again."
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new WorkbookReadError(
      `${label} is not an .xlsx workbook (an .xlsx file is a zip archive)`,
      'Save the file as "Excel Workbook (.xlsx)", or export it as CSV.'
    );
  }
}

export interface OpenedWorkbook {
  workbook: ExcelJS.Workbook;
  /** How messages name the source: the quoted path, or "The workbook" for a buffer. */
  label: string;
  /** What the pre-pass changed so that ExcelJS could read the file (empty for our own files). */
  changes: string[];
  /** The input's parts as inflated, before the pre-pass changed anything (archive order). */
  inputParts: [string, Buffer][];
}

/**
 * Opens an .xlsx file (path) or buffer as an ExcelJS workbook, loading into `into` when given.
 * Throws WorkbookReadError with a message a person can act on for missing, empty, encrypted,
 * non-xlsx, oversized or damaged files.
 */
export async function openXlsxPackage(
  source: string | Buffer,
  into?: ExcelJS.Workbook
): Promise<OpenedWorkbook> {
  const { bytes, label } = await loadXlsxBytes(source);
  checkXlsxSignature(bytes, label);
  const normalized = await normalizeXlsxPackage(bytes, label);
  const workbook = into ?? new (excelJs().Workbook)();
  try {
    await workbook.xlsx.load(normalized.bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new WorkbookReadError(
      `${label} could not be read as an .xlsx workbook: ${(error as Error)?.message ?? String(error)}`,
      "The file may be damaged. Open it in Excel and save it again as .xlsx."
    );
  }
  return { workbook, label, changes: normalized.changes, inputParts: normalized.inputParts };
}

/**
 * Opens an .xlsx file (path) or buffer through the same checks and pre-pass as openXlsxPackage,
 * without ExcelJS: the normalised parts, for readers that parse the XML themselves (../stream).
 */
export async function openXlsxParts(
  source: string | Buffer
): Promise<{ parts: NormalizedParts; label: string; changes: string[] }> {
  const { bytes, label } = await loadXlsxBytes(source);
  checkXlsxSignature(bytes, label);
  const { parts, changes } = await normalizedXlsxParts(bytes, label);
  return { parts, label, changes };
}
