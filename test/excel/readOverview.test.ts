// The task pane's overview on the recording fake: one sync, figures from the cells (the fake does
// not calculate, so formula results cannot be what it reads), plan actions open and overdue.
import { createExcelFake, type ExcelFake } from '../fakes/excelFake';
import { buildAssessment } from '../../src/excel/buildAssessment';
import { dateSerial, overviewOf, planActions, readOverview } from '../../src/excel/readOverview';
import { setRow } from '../support/workbookSeeds';
import type { SheetSnapshot } from '../../src/core/snapshot';

const TODAY = new Date(2025, 5, 15); // 15 June 2025, serial 45823

function fakeExcel(): ExcelFake {
  const fake = createExcelFake();
  fake.install();
  return fake;
}
const run = <T>(fake: ExcelFake, f: (c: Excel.RequestContext) => Promise<T>): Promise<T> => fake.Excel.run(f);

function snapshot(name: string, values: (string | number | null)[][]): SheetSnapshot {
  return { name, origin: { row: 0, col: 0 }, values, text: [], formulas: [] };
}

describe('readOverview', () => {
  it('reports no assessment in a new workbook, in one sync', async () => {
    const fake = fakeExcel();
    const overview = await run(fake, (c) => readOverview(c, TODAY));
    expect(overview).toEqual({ found: false, compliance: { overall: null, clauses: null, annexA: null }, assessed: 0, total: 0, openActions: 0, overdue: 0 });
    expect(fake.stats.syncs).toBe(1);
  });

  it('scores compliance from the statuses typed in the sheets', async () => {
    const fake = fakeExcel();
    await run(fake, (c) => buildAssessment(c, {}));
    const annex = fake.state.sheet('Annex A');
    setRow(annex, '5.1', { Status: 'Compliant' });
    setRow(annex, '5.2', { Status: 'Partially Compliant' });
    setRow(annex, '5.3', { Status: 'Non-Compliant' });
    setRow(annex, '5.4', { Status: 'Compliant', Applicable: 'No' }); // excluded: not applicable
    setRow(annex, '5.5', { Status: 'Not Applicable', Applicable: 'No' }); // assessed, not scored
    const clauses = fake.state.sheet('Clauses 4-10');
    setRow(clauses, '4.1', { Status: 'Compliant' });
    fake.stats.reset();

    const overview = await run(fake, (c) => readOverview(c, TODAY));
    expect(fake.stats.syncs).toBe(1);
    expect(overview.found).toBe(true);
    expect(overview.total).toBe(123);
    expect(overview.assessed).toBe(6);
    expect(overview.compliance.annexA).toBeCloseTo(1.5 / 3);
    expect(overview.compliance.clauses).toBe(1);
    expect(overview.compliance.overall).toBeCloseTo(2.5 / 4);
  });

  it('uses the weights a person set on Settings', () => {
    const settings = snapshot('Settings', [
      ['Status scale', null],
      ['Status', 'Gap weight'],
      ['Compliant', 0],
      ['Partially Compliant', 0.25],
      ['Non-Compliant', 1],
    ]);
    const annex = snapshot('Annex A', [
      ['ID', 'Applicable', 'Status'],
      ['5.1', 'Yes', 'Partially Compliant'],
    ]);
    expect(overviewOf([annex, settings], TODAY).compliance.annexA).toBeCloseTo(0.75);
    expect(overviewOf([annex], TODAY).compliance.annexA).toBeCloseTo(0.5);
  });

  it('counts open and overdue Remediation Plan actions', async () => {
    const fake = fakeExcel();
    const plan = fake.state.addSheet('Remediation Plan');
    plan.setValues('A1', [
      ['Remediation Plan', null, null, null],
      [null, null, null, null],
      ['ID', 'Due', 'Progress', 'Owner'],
      ['5.1', 45800, 'In progress', 'A'], // overdue
      ['5.2', 45900, 'Not started', 'B'], // open, due later
      ['5.3', 45000, 'Done', 'C'], // done: neither
      ['5.4', 45000, 'Resolved', 'D'], // resolved: neither
      ['5.5', '2025-01-31', null, 'E'], // blank progress is open; due as text, overdue
      [null, 45000, 'Not started', null], // no ID: not an action
    ]);
    const overview = await run(fake, (c) => readOverview(c, TODAY));
    expect(overview.openActions).toBe(3);
    expect(overview.overdue).toBe(2);
  });

  it('reads dates as serials or ISO text and ignores anything else', () => {
    expect(dateSerial(45823.5)).toBe(45823);
    expect(dateSerial('2025-06-15')).toBe(45823);
    expect(dateSerial('next week')).toBeNull();
    expect(dateSerial(null)).toBeNull();
    expect(planActions(undefined, 45823)).toEqual({ openActions: 0, overdue: 0 });
    expect(planActions(snapshot('Remediation Plan', [['Nothing', 'here']]), 45823)).toEqual({ openActions: 0, overdue: 0 });
  });
});
