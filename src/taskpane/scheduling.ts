// Scheduling rules of the task pane, kept out of React so they are unit-tested in node:
// one action at a time (a second request is refused, not queued) and debounced refreshes.
import { describeError, type ErrorText } from "./present";

export type ActionName =
  "build" | "check" | "select" | "plan" | "adopt" | "snapshot" | "report" | "compare" | "apply";

export type RunOutcome<T> =
  | { status: "done"; value: T }
  | { status: "failed"; error: ErrorText }
  /** Another action was running; nothing was done. */
  | { status: "refused" };

export type RunExclusive = <T>(name: ActionName, work: () => Promise<T>) => Promise<RunOutcome<T>>;

export interface ExclusiveRunner {
  run: RunExclusive;
  /** The action running now, or null. */
  current(): ActionName | null;
}

/**
 * Runs one action at a time. `onBusy` hears the running action's name and null when it ends;
 * `onSettled` is called after every action that ran, success or failure (to re-read the overview).
 */
export function createExclusiveRunner(
  onBusy: (name: ActionName | null) => void,
  onSettled: (name: ActionName) => void
): ExclusiveRunner {
  let running: ActionName | null = null;
  const run = async <T>(name: ActionName, work: () => Promise<T>): Promise<RunOutcome<T>> => {
    if (running !== null) return { status: "refused" };
    running = name;
    onBusy(name);
    try {
      return { status: "done", value: await work() };
    } catch (error) {
      return { status: "failed", error: describeError(error) };
    } finally {
      running = null;
      onBusy(null);
      onSettled(name);
    }
  };
  return { run, current: () => running };
}

export interface Debounced {
  (): void;
  cancel(): void;
}

/** Calls `fn` once, `ms` after the last of a burst of calls. */
export function debounce(
  fn: () => void,
  ms: number,
  timers: Pick<typeof globalThis, "setTimeout" | "clearTimeout"> = globalThis
): Debounced {
  let handle: ReturnType<typeof setTimeout> | undefined;
  const call = (() => {
    if (handle !== undefined) timers.clearTimeout(handle);
    handle = timers.setTimeout(() => {
      handle = undefined;
      fn();
    }, ms);
  }) as Debounced;
  call.cancel = () => {
    if (handle !== undefined) timers.clearTimeout(handle);
    handle = undefined;
  };
  return call;
}
