// Browser stand-in for office.js in the e2e tests: installs the recording Excel fake as
// window.Excel / window.Office before the production task pane bundle runs, seeds the workbook
// from the page's query string, and exposes `window.__gap` so the test can inspect and steer it.
//   ?theme=dark          Office reports a dark body background
//   ?seed=checklist      a pasted 2013 Yes/No checklist on "Old checklist"
//   ?seed=assessed       a built workbook with some answers and a remediation plan
import { createExcelFake, OfficeExtensionError, type ExcelFake } from "../fakes/excelFake";
import { buildAssessment } from "../../src/excel/buildAssessment";
import { planRemediation } from "../../src/excel/planRemediation";
import { seedYesNoChecklist, setRow, type SeedState } from "../support/workbookSeeds";

export interface GapHarness {
  fake: ExcelFake;
  /** Resolves when the seed scenario has been written (the task pane waits for it too). */
  ready: Promise<void>;
  /** Every later operation fails with this Office error code until cleared with null. */
  failWith(code: string | null): void;
  /** Milliseconds each Excel.run waits before starting (to observe busy states). */
  setLatency(ms: number): void;
  /** Sets input cells of an assessment row and fires the worksheet change event, like a person typing. */
  edit(sheet: string, id: string, values: Record<string, string | number | null>): Promise<void>;
  sheetNames(): string[];
  selection(): string | null;
  cell(sheet: string, a1: string): unknown;
  runs(): number;
}

declare global {
  interface Window {
    __gap: GapHarness;
  }
}

const params = new URLSearchParams(window.location.search);
let failure: string | null = null;
let latency = 0;

const fake = createExcelFake({
  failOn: (op) => (failure ? new OfficeExtensionError(failure, undefined, op) : undefined),
});
if (params.get("theme") === "dark") {
  fake.Office.context.officeTheme.bodyBackgroundColor = "#1F1F1F";
  fake.Office.context.officeTheme.bodyForegroundColor = "#FFFFFF";
}

// Latency and readiness: every Excel.run first waits for the seed, then for the configured delay.
const run = fake.Excel.run as (...args: unknown[]) => Promise<unknown>;
let ready: Promise<void> = Promise.resolve();
fake.Excel.run = async (...args: unknown[]) => {
  await ready;
  if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
  return run(...args);
};

// Installed before seeding: the seed runs the real excel/ code, which looks at Office too.
fake.install(window);

const state = fake.state as unknown as SeedState;
async function seed(name: string | null): Promise<void> {
  if (name === "checklist") {
    seedYesNoChecklist(state, "Old checklist");
  } else if (name === "assessed") {
    await run((context: Excel.RequestContext) => buildAssessment(context, { org: "Example Ltd" }));
    const annex = fake.state.sheet("Annex A");
    setRow(annex, "5.1", {
      Status: "Compliant",
      Evidence: "Policy set v3, approved 2024-03-01",
      Owner: "CISO",
    });
    setRow(annex, "5.2", {
      Status: "Partially Compliant",
      Evidence: "RACI draft",
      Owner: "CISO",
      Likelihood: 3,
      Impact: 4,
    });
    setRow(annex, "8.8", { Status: "Non-Compliant", Owner: "IT Ops", Likelihood: 4, Impact: 5 });
    setRow(annex, "7.4", {
      Applicable: "No",
      Status: "Not Applicable",
      Justification: "No physical premises",
    });
    const clauses = fake.state.sheet("Clauses 4-10");
    setRow(clauses, "4.1", {
      Status: "Compliant",
      Evidence: "Context analysis 2024",
      Owner: "ISMS lead",
    });
    setRow(clauses, "6.1.2", {
      Status: "Non-Compliant",
      Owner: "ISMS lead",
      Likelihood: 3,
      Impact: 5,
    });
    await run((context: Excel.RequestContext) => planRemediation(context, { apply: true }));
  }
  fake.stats.reset();
}
ready = seed(params.get("seed"));

window.__gap = {
  fake,
  ready,
  failWith(code) {
    failure = code;
  },
  setLatency(ms) {
    latency = ms;
  },
  async edit(sheet, id, values) {
    const row = setRow(fake.state.sheet(sheet), id, values);
    await fake.state.fireWorksheetChanged(sheet, `A${row}`);
  },
  sheetNames: () => fake.state.sheets.map((s) => s.name),
  selection: () => fake.state.selection,
  cell: (sheet, a1) => fake.state.sheet(sheet).cell(a1).value,
  runs: () => fake.stats.runs,
};
