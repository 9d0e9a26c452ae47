/** Entry point of the recording Excel fake: builds Excel/Office/OfficeExtension over an in-memory workbook. */
import { ChartCollection, Chart } from "./excel/chart";
import { ConditionalFormat, ConditionalFormatCollection } from "./excel/conditionalFormat";
import { Engine, FakeStats, RequestContext, createStats, run } from "./excel/context";
import { excelEnums } from "./excel/enums";
import { NamedItem, NamedItemCollection } from "./excel/names";
import { createOffice, createOfficeExtension } from "./excel/office";
import { Range } from "./excel/range";
import { RangeFormat } from "./excel/rangeFormat";
import { WorkbookState } from "./excel/state";
import { Table, TableCollection, TableColumn, TableRow } from "./excel/table";
import { DataValidation } from "./excel/validation";
import { Application, Workbook, Worksheet, WorksheetCollection } from "./excel/workbook";

export type { FakeStats } from "./excel/context";
export type { SheetState } from "./excel/state";
export type { CellView, ConditionalFormatView, TableView } from "./excel/views";
export { OfficeExtensionError } from "./excel/errors";
/** The state tests seed and inspect (synchronous, never counted as syncs). */
export type FakeWorkbookState = WorkbookState;

export interface ExcelFakeOptions {
  /** 'Excel' (default) or null to imitate a page opened outside Office. */
  host?: "Excel" | null;
  /** Highest ExcelApi requirement set the "host" supports (default '1.12'). */
  supportedApi?: string;
  /** Per-request limit (default 5 MB, Excel on the web). */
  payloadLimitBytes?: number;
  /** Inject a failure: called with each operation name ("Range.values", "WorksheetCollection.getItem") as it is applied. */
  failOn?: (op: string) => Error | undefined;
  /** Sheets of the starting workbook (default ['Sheet1'], like a new workbook). */
  sheets?: string[];
  /** Formula engine hook, run after each sync while calculation is automatic and not suspended. */
  calculate?: (state: WorkbookState) => void;
}

export interface ExcelFake {
  Excel: any;
  Office: any;
  OfficeExtension: any;
  stats: FakeStats;
  state: FakeWorkbookState;
  /** Names of the operations applied so far, in order. */
  log: string[];
  install(target?: any): void;
}

export function createExcelFake(options: ExcelFakeOptions = {}): ExcelFake {
  const state = new WorkbookState(options.sheets ?? ["Sheet1"]);
  state.onCalculate = options.calculate;
  const engine: Engine = {
    state,
    stats: createStats(),
    log: [],
    options: {
      supportedApi: options.supportedApi ?? "1.12",
      payloadLimitBytes: options.payloadLimitBytes ?? 5 * 1024 * 1024,
      failOn: options.failOn,
    },
  };
  const Excel: any = {
    ...excelEnums,
    run: (...args: unknown[]) => run(engine, args),
    RequestContext: class extends RequestContext {
      constructor() {
        super(engine);
      }
    },
    Workbook,
    WorksheetCollection,
    Worksheet,
    Range,
    RangeFormat,
    Table,
    TableCollection,
    TableRow,
    TableColumn,
    NamedItem,
    NamedItemCollection,
    DataValidation,
    ConditionalFormat,
    ConditionalFormatCollection,
    Chart,
    ChartCollection,
    Application,
  };
  const Office = createOffice({
    host: options.host === undefined ? "Excel" : options.host,
    supportedApi: engine.options.supportedApi,
  });
  const OfficeExtension = createOfficeExtension();
  return {
    Excel,
    Office,
    OfficeExtension,
    stats: engine.stats,
    state,
    log: engine.log,
    install(target: any = globalThis) {
      target.Excel = Excel;
      target.Office = Office;
      target.OfficeExtension = OfficeExtension;
    },
  };
}
