// Typed errors shared by every adapter: each carries a message a person can act on.

/** Base class: `message` is shown to the user as is; `hint` says what to do next. */
export class GapAssessorError extends Error {
  constructor(
    message: string,
    readonly hint?: string
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A workbook or file could not be read (missing, not xlsx, password-protected, no assessment). */
export class WorkbookReadError extends GapAssessorError {}

/** The user asked for something impossible (bad option, output equals input, unknown sheet). */
export class UsageError extends GapAssessorError {}

/** Excel refused or failed an operation; `code` is Office's error code when there is one. */
export class ExcelHostError extends GapAssessorError {
  constructor(
    message: string,
    readonly code: string,
    hint?: string
  ) {
    super(message, hint);
  }
}

/** Office.js is not there: the page was opened outside Excel. */
export class HostUnavailableError extends GapAssessorError {}
