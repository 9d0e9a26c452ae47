import { createExclusiveRunner, debounce, type ActionName } from "../../src/taskpane/scheduling";
import { GapAssessorError } from "../../src/core/errors";

describe("createExclusiveRunner", () => {
  it("runs one action at a time and refuses a second while the first runs", async () => {
    const busy: (ActionName | null)[] = [];
    const settled: ActionName[] = [];
    const runner = createExclusiveRunner(
      (n) => busy.push(n),
      (n) => settled.push(n)
    );
    let release: (v: number) => void = () => undefined;
    const first = runner.run("build", () => new Promise<number>((resolve) => (release = resolve)));
    expect(runner.current()).toBe("build");
    const second = await runner.run("check", async () => 2);
    expect(second).toEqual({ status: "refused" });
    release(1);
    await expect(first).resolves.toEqual({ status: "done", value: 1 });
    expect(runner.current()).toBeNull();
    expect(busy).toEqual(["build", null]);
    expect(settled).toEqual(["build"]);
    await expect(runner.run("check", async () => 3)).resolves.toEqual({ status: "done", value: 3 });
  });

  it("turns a failure into the message and hint to show, and frees the runner", async () => {
    const settled: ActionName[] = [];
    const runner = createExclusiveRunner(
      () => undefined,
      (n) => settled.push(n)
    );
    const outcome = await runner.run("plan", async () => {
      throw new GapAssessorError("The plan could not be written.", "Unprotect the sheet.");
    });
    expect(outcome).toEqual({
      status: "failed",
      error: { message: "The plan could not be written.", hint: "Unprotect the sheet." },
    });
    expect(runner.current()).toBeNull();
    expect(settled).toEqual(["plan"]);
  });
});

describe("debounce", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("calls once, after the last call of a burst", () => {
    const fn = jest.fn();
    const d = debounce(fn, 500);
    d();
    jest.advanceTimersByTime(300);
    d();
    jest.advanceTimersByTime(300);
    d();
    expect(fn).not.toHaveBeenCalled();
    jest.advanceTimersByTime(500);
    expect(fn).toHaveBeenCalledTimes(1);
    d();
    jest.advanceTimersByTime(500);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it("can be cancelled", () => {
    const fn = jest.fn();
    const d = debounce(fn, 500);
    d();
    d.cancel();
    jest.advanceTimersByTime(1000);
    expect(fn).not.toHaveBeenCalled();
  });
});
