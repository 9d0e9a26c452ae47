// ExcelJS, loaded on first use: the commands that only read (validate, compare, report) go
// through the stream reader and never need it, and loading it costs about 0.4 s of each run.
import type ExcelJS from "exceljs";

let loaded: typeof ExcelJS | null = null;

/** The ExcelJS module (its CommonJS exports: Workbook, ValueType, …). */
export function excelJs(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require("exceljs") as typeof ExcelJS;
  return loaded;
}
