// The one Excel.run wrapper: every Office.js batch goes through it, so every Office error
// reaches the user as a typed ExcelHostError with a plain message and a next step.
import { ExcelHostError, GapAssessorError, HostUnavailableError } from "../core/errors";

interface OfficeErrorLike {
  code?: string;
  message?: string;
}

const KNOWN_CODES: Record<string, { message: string; hint: string }> = {
  AccessDenied: {
    message: "Excel refused the change: the sheet or workbook is protected.",
    hint: "Unprotect the sheet (Review → Unprotect Sheet) and try again.",
  },
  InvalidOperationInCellEditMode: {
    message: "Excel is busy: a cell is being edited.",
    hint: "Press Enter or Esc to leave the cell, then try again.",
  },
  RequestPayloadSizeLimitExceeded: {
    message: "The change was too large for one request to Excel.",
    hint: "Try again; if it keeps failing, split the sheet into smaller ones.",
  },
  ItemNotFound: {
    message: "A sheet, table or name the add-in expected is missing.",
    hint: 'Run "Build assessment" to restore the workbook structure; your entries are kept.',
  },
  ApiNotFound: {
    message: "This version of Excel lacks a feature the add-in needs.",
    hint: "Update Office, or use Excel on the web.",
  },
  ItemAlreadyExists: {
    message: "A sheet, table or name with that name already exists.",
    hint: "Rename or remove the existing one, then try again.",
  },
};

/** Turns whatever Office threw into a GapAssessorError with a message for people. */
export function toHostError(error: unknown): GapAssessorError {
  if (error instanceof GapAssessorError) return error;
  const e = (error ?? {}) as OfficeErrorLike;
  const code = typeof e.code === "string" ? e.code : "Unknown";
  const known = KNOWN_CODES[code];
  if (known) return new ExcelHostError(known.message, code, known.hint);
  const detail = typeof e.message === "string" && e.message ? e.message : String(error);
  return new ExcelHostError(
    `Excel reported an error: ${detail}`,
    code,
    "Try again; if it persists, save the workbook and reopen it."
  );
}

/** Runs one batch of Office.js work; callers never call Excel.run themselves. */
export async function runExcel<T>(
  batch: (context: Excel.RequestContext) => Promise<T>
): Promise<T> {
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") {
    throw new HostUnavailableError(
      "Excel is not available here.",
      "Open this add-in from Excel (Home → Gap Assessment)."
    );
  }
  try {
    return await Excel.run(batch);
  } catch (error) {
    throw toHostError(error);
  }
}
