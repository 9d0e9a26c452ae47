// The Snapshot History table read back (values only: a snapshot is never recomputed).
import { HISTORY_COLUMNS } from "../contract";
import type { SheetSnapshot } from "../snapshot";
import { readRegister, type RegisterRows } from "./register";

const SPEC = {
  columns: HISTORY_COLUMNS,
  required: ["Date", "Overall", "Open actions"],
  formulaColumns: [],
} as const;

export function readHistory(snapshot: SheetSnapshot | undefined): RegisterRows {
  return readRegister(snapshot, SPEC);
}
