// core/dates: Excel date serials (1900 system, 1904 files), today in the local calendar, ISO text.
import {
  dateSerial,
  isoDate,
  parseIsoDate,
  serialFromFileDate,
  serialFromUtcMs,
  todaySerial,
} from "../../src/core/dates";

describe("serials", () => {
  it("counts days from 1899-12-30, the time of day as a fraction", () => {
    expect(serialFromUtcMs(Date.UTC(1899, 11, 30))).toBe(0);
    expect(serialFromUtcMs(Date.UTC(1900, 0, 1))).toBe(2);
    expect(serialFromUtcMs(Date.UTC(2025, 11, 9))).toBe(46000);
    expect(serialFromUtcMs(Date.UTC(2025, 11, 9, 18))).toBe(46000.75);
  });

  it("reads a file's date in the 1900 system, and in a 1904 file 1,462 days lower", () => {
    const date = new Date(Date.UTC(2025, 11, 9));
    expect(serialFromFileDate(date)).toBe(46000);
    expect(serialFromFileDate(date, false)).toBe(46000);
    expect(serialFromFileDate(date, true)).toBe(46000 - 1462);
    expect(serialFromFileDate(new Date(Date.UTC(1904, 0, 1)), true)).toBe(0);
  });

  it("writes a serial as yyyy-mm-dd, dropping the time of day", () => {
    expect(isoDate(0)).toBe("1899-12-30");
    expect(isoDate(46000.99)).toBe("2025-12-09");
    expect(isoDate(45351)).toBe("2024-02-29");
  });
});

describe("todaySerial", () => {
  it("is the whole-day serial of the local calendar date, whatever the time", () => {
    expect(todaySerial(new Date(2025, 11, 9, 0, 0))).toBe(46000);
    expect(todaySerial(new Date(2025, 11, 9, 23, 59))).toBe(46000);
    expect(todaySerial(new Date(2025, 11, 10, 0, 1))).toBe(46001);
  });

  it("defaults to now", () => {
    const before = todaySerial(new Date());
    const today = todaySerial();
    const after = todaySerial(new Date());
    expect(Number.isInteger(today)).toBe(true);
    expect(today).toBeGreaterThanOrEqual(before);
    expect(today).toBeLessThanOrEqual(after);
  });
});

describe("parseIsoDate", () => {
  it("trims spaces and knows leap years", () => {
    expect(parseIsoDate(" 2025-12-09 ")).toBe(46000);
    expect(parseIsoDate("2024-02-29")).toBe(45351);
  });

  it.each(["2023-02-29", "2025-00-10", "2025-04-31", "2025-12-09T10:00", "2025-12-9", "x"])(
    "rejects %p",
    (text) => {
      expect(parseIsoDate(text)).toBeNull();
    }
  );
});

describe("dateSerial", () => {
  it("reads a serial number as its whole day", () => {
    expect(dateSerial(46000)).toBe(46000);
    expect(dateSerial(46000.75)).toBe(46000);
  });

  it("reads text that starts with a yyyy-mm-dd date, one-digit months and days too", () => {
    expect(dateSerial("2025-12-09")).toBe(46000);
    expect(dateSerial("2025-02-30")).toBeNull();
    expect(dateSerial("2025-13-45")).toBeNull();
    expect(dateSerial(" 2025-12-09 14:30")).toBe(46000);
    expect(dateSerial("2025-3-1")).toBe(45717);
  });

  it.each([null, "", "   ", "31/12/2025", "soon", true, NaN, Infinity])(
    "reads %p as no date",
    (value) => {
      expect(dateSerial(value)).toBeNull();
    }
  );
});

describe("dates", () => {
  it("round-trips yyyy-mm-dd and Excel serials", () => {
    expect(parseIsoDate("2025-12-09")).toBe(46000);
    expect(isoDate(46000)).toBe("2025-12-09");
    expect(parseIsoDate("2024-02-29")).not.toBeNull();
  });

  it.each(["2025-02-30", "2025-13-01", "31.01.2025", "2025-1-1", ""])("rejects %p", (text) => {
    expect(parseIsoDate(text)).toBeNull();
  });
});
