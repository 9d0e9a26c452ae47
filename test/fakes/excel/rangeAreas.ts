/** RangeAreas (ExcelApi 1.9): several rectangles on one sheet, as getSpecialCells returns them. */
import { Rect, qualify, rect } from "./address";
import type { RangeRef } from "./entities";
import { ClientObject, defineClass } from "./proxy";
import type { SheetState } from "./state";

export interface AreasEntity {
  sheet: SheetState;
  rects: Rect[];
}

export class RangeAreas extends ClientObject {}
defineClass(RangeAreas, {
  name: "RangeAreas",
  props: {
    address: { get: (e: AreasEntity) => e.rects.map((r) => qualify(e.sheet.name, r)).join(",") },
    areaCount: { get: (e: AreasEntity) => e.rects.length },
    cellCount: {
      get: (e: AreasEntity) =>
        e.rects.reduce((n, r) => n + (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1), 0),
    },
  },
  nav: {},
});

/** Formula cells of a range as column runs (Excel merges them into fewer, larger areas; the
 *  cells covered are what matter). Null when there are none. */
export function formulaAreas(e: RangeRef): AreasEntity | null {
  const rects: Rect[] = [];
  for (let c = e.rect.c0; c <= e.rect.c1; c++) {
    let start = -1;
    for (let r = e.rect.r0; r <= e.rect.r1 + 1; r++) {
      const isFormula = r <= e.rect.r1 && typeof e.sheet.getCell(r, c)?.f === "string";
      if (isFormula && start < 0) start = r;
      if (!isFormula && start >= 0) {
        rects.push(rect(start, c, r - 1, c));
        start = -1;
      }
    }
  }
  return rects.length ? { sheet: e.sheet, rects } : null;
}
