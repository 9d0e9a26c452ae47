// Queues Office.js writes and syncs only when the next one would pass the request budget, sized in
// UTF-8 bytes as the request travels. Every request runs with calculation suspended; once the
// last one is in, one recalculation brings every formula up to date.
import { jsonBytes } from "./cellText";

/** Stay well under Excel on the web's 5 MB request limit. */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;

/** What an operation costs besides its arguments (object path, method name, ids). */
const OPERATION_BYTES = 120;

export class WriteBatch {
  private pending = 0;
  private suspended = false;
  private wrote = false;
  private readonly afterRecalculation: (() => void)[] = [];
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget = PAYLOAD_BUDGET
  ) {}

  /** Makes room for an operation whose arguments are `payload`; call before queueing it. */
  async reserve(payload?: unknown): Promise<void> {
    const bytes = OPERATION_BYTES + (payload === undefined ? 0 : jsonBytes(payload));
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.flush();
    if (!this.suspended) {
      this.context.workbook.application.suspendApiCalculationUntilNextSync();
      this.suspended = true;
      this.pending += OPERATION_BYTES;
    }
    this.pending += bytes;
  }

  /** True when anything was queued or sent. */
  get changed(): boolean {
    return this.wrote || this.pending > 0;
  }

  async flush(): Promise<void> {
    if (this.pending === 0) return;
    await this.context.sync();
    this.syncs++;
    this.pending = 0;
    this.suspended = false;
    this.wrote = true;
  }

  /** Queues a small operation that needs formula results: it goes after the recalculation. */
  whenCalculated(operation: () => void): void {
    this.afterRecalculation.push(operation);
  }

  /** Sends what is queued and, if anything was written, asks Excel for one recalculation. */
  async finish(): Promise<void> {
    await this.flush();
    if (!this.wrote) return;
    this.context.workbook.application.calculate("Recalculate");
    for (const operation of this.afterRecalculation) operation();
    await this.context.sync();
    this.syncs++;
  }
}
