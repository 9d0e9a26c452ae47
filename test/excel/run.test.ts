import { runExcel, toHostError } from "../../src/excel/run";
import { ExcelHostError, HostUnavailableError } from "../../src/core/errors";

describe("runExcel", () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).Excel;
  });

  it("says Excel is unavailable when Office.js is absent", async () => {
    await expect(runExcel(async () => 1)).rejects.toBeInstanceOf(HostUnavailableError);
  });

  it("maps Office error codes to typed errors with a next step", async () => {
    (globalThis as Record<string, unknown>).Excel = {
      run: async () => {
        throw Object.assign(new Error("locked"), { code: "AccessDenied" });
      },
    };
    const error = await runExcel(async () => 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelHostError);
    expect((error as ExcelHostError).code).toBe("AccessDenied");
    expect((error as ExcelHostError).hint).toMatch(/Unprotect/);
  });

  it("keeps the original message for unknown codes", () => {
    const e = toHostError(Object.assign(new Error("boom"), { code: "Weird" }));
    expect(e.message).toContain("boom");
  });

  it("returns the batch result", async () => {
    (globalThis as Record<string, unknown>).Excel = {
      run: async (f: (c: unknown) => Promise<number>) => f({}),
    };
    await expect(runExcel(async () => 42)).resolves.toBe(42);
  });
});
