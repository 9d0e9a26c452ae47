/** Request context and Excel.run: batches operations, applies them at sync, counts syncs and payload bytes. */
import { ErrorCode, OfficeExtensionError, fakeError } from "./errors";
import { Exec, Op, ProxyContext, utf8Length } from "./proxy";
import type { WorkbookState } from "./state";
import { Application, Workbook } from "./workbook";

export interface FakeStats {
  syncs: number;
  payloadBytes: number;
  maxSyncPayloadBytes: number;
  /** Bytes of loaded data returned (not part of the brief's budget, useful for the 5 MB response limit). */
  responseBytes: number;
  operations: number;
  runs: number;
  reset(): void;
}

export function createStats(): FakeStats {
  const stats: FakeStats = {
    syncs: 0,
    payloadBytes: 0,
    maxSyncPayloadBytes: 0,
    responseBytes: 0,
    operations: 0,
    runs: 0,
    reset() {
      stats.syncs = 0;
      stats.payloadBytes = 0;
      stats.maxSyncPayloadBytes = 0;
      stats.responseBytes = 0;
      stats.operations = 0;
      stats.runs = 0;
    },
  };
  return stats;
}

export interface EngineOptions {
  supportedApi: string;
  payloadLimitBytes: number;
  failOn?: (op: string) => Error | undefined;
}

export interface Engine {
  readonly state: WorkbookState;
  readonly stats: FakeStats;
  readonly options: EngineOptions;
  /** Operations applied so far, by name, for tests that want to assert on the traffic. */
  readonly log: string[];
}

export class RequestContext implements ProxyContext {
  readonly workbook: Workbook;
  readonly trackedObjects = {
    add: (obj: unknown): void => forEachProxy(obj, (o) => o.track()),
    remove: (obj: unknown): void => forEachProxy(obj, (o) => o.untrack()),
  };
  readonly runtime = {};
  debugInfo: Record<string, unknown> = {};
  processingResult = false;
  closed = false;
  private ops: Op[] = [];
  private objectIds = 1;

  constructor(readonly _engine: Engine) {
    this.workbook = new Workbook(this, () => _engine.state, null, _engine.state);
  }

  get application(): Application {
    return this.workbook.application;
  }

  get supportedApi(): string {
    return this._engine.options.supportedApi;
  }

  get pendingOperations(): number {
    return this.ops.length;
  }

  nextObjectId(): number {
    return this.objectIds++;
  }

  queue(op: Op): void {
    this.ops.push(op);
    this._engine.stats.operations++;
  }

  load(object: { load(option?: unknown): unknown }, option?: unknown): void {
    object.load(option);
  }

  trace(_message: string): void {}

  /** One round trip: size the batch, refuse it over the limit, else apply in order and stop at the first error. */
  async sync<T>(passThrough?: T): Promise<T> {
    const ops = this.ops;
    this.ops = [];
    const { stats, options, state } = this._engine;
    stats.syncs++;
    const bytes = utf8Length(JSON.stringify(ops.map((o) => o.wire)));
    stats.payloadBytes += bytes;
    stats.maxSyncPayloadBytes = Math.max(stats.maxSyncPayloadBytes, bytes);
    await Promise.resolve();
    if (bytes > options.payloadLimitBytes) {
      throw fakeError(
        ErrorCode.requestPayloadSizeLimitExceeded,
        undefined,
        `${bytes} bytes in ${ops.length} operations`
      );
    }
    const x: Exec = { wb: state, location: "", responseBytes: 0 };
    let failure: unknown;
    this.processingResult = true;
    try {
      for (const op of ops) {
        x.location = op.name;
        try {
          const injected = options.failOn?.(op.name);
          if (injected) throw injected;
          op.run(x);
          this._engine.log.push(op.name);
        } catch (e) {
          if (e instanceof OfficeExtensionError && !e.debugInfo.errorLocation)
            e.debugInfo.errorLocation = op.name;
          failure = e;
          break;
        }
      }
    } finally {
      this.processingResult = false;
      const suspended = state.calculationSuspended;
      state.calculationSuspendedHistory.push(suspended);
      state.calculationSuspended = false;
      if (!suspended && state.calculationMode === "Automatic") state.onCalculate?.(state);
    }
    stats.responseBytes += x.responseBytes;
    if (failure) throw failure;
    if (x.responseBytes > options.payloadLimitBytes) {
      throw fakeError(
        ErrorCode.responsePayloadSizeLimitExceeded,
        undefined,
        `${x.responseBytes} bytes loaded`
      );
    }
    return passThrough as T;
  }
}

function forEachProxy(
  obj: unknown,
  fn: (o: { track(): unknown; untrack(): unknown }) => void
): void {
  const list = Array.isArray(obj) ? obj : [obj];
  for (const o of list)
    if (o && typeof (o as { track?: unknown }).track === "function")
      fn(o as { track(): unknown; untrack(): unknown });
}

/** Excel.run(batch) / Excel.run(objects, batch): one context, a final sync if work is pending. */
export async function run(engine: Engine, args: unknown[]): Promise<unknown> {
  engine.stats.runs++;
  const batch = args[args.length - 1];
  if (typeof batch !== "function")
    throw fakeError(ErrorCode.invalidArgument, undefined, "Excel.run");
  // Excel.run(object | objects | context, batch) continues in the context those objects belong to.
  const previous = args.length > 1 ? args[0] : undefined;
  const first = Array.isArray(previous) ? previous[0] : previous;
  const owner =
    first instanceof RequestContext ? first : (first as { context?: unknown } | undefined)?.context;
  const ctx = owner instanceof RequestContext ? owner : new RequestContext(engine);
  ctx.closed = false;
  try {
    const pending = (batch as (c: RequestContext) => unknown)(ctx);
    if (!pending || typeof (pending as Promise<unknown>).then !== "function") {
      throw fakeError(ErrorCode.runMustReturnPromise, undefined, "Excel.run");
    }
    const result = await pending;
    if (ctx.pendingOperations > 0) await ctx.sync();
    return result;
  } finally {
    ctx.closed = true;
  }
}
