// Finding a sheet by name: the one matching rule for every reader. Excel treats sheet names
// case-insensitively, and people leave stray spaces when they rename a tab.
import type { SheetSnapshot } from "../snapshot";

/** The key two sheet names share when Excel would call them the same sheet. */
export function sheetKey(name: string): string {
  return name.trim().toLowerCase();
}

export function sameSheetName(a: string, b: string): boolean {
  return sheetKey(a) === sheetKey(b);
}

/** The snapshot of the named sheet (trimmed, any letter case), or undefined. */
export function findSheet<T extends Pick<SheetSnapshot, "name">>(
  snapshots: readonly T[],
  name: string
): T | undefined {
  const key = sheetKey(name);
  return snapshots.find((s) => sheetKey(s.name) === key);
}

/** The snapshots of the named sheets that exist, in the order named. */
export function pickSheets<T extends Pick<SheetSnapshot, "name">>(
  snapshots: readonly T[],
  names: readonly string[]
): T[] {
  return names.map((n) => findSheet(snapshots, n)).filter((s): s is T => s !== undefined);
}
