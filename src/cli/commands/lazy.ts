// The modules that build workbooks load ExcelJS (about 0.4 s): required when a command that
// writes runs, so validate, compare and report start without them.
import type * as WriteWorkbook from "../writeWorkbook";

export function writeWorkbook(): typeof WriteWorkbook {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("../writeWorkbook") as typeof WriteWorkbook;
}
