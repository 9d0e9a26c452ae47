// "Compare with a copy": the person picks a copy of this workbook someone sent back, sees what
// differs sheet by sheet (each cell a button to its cell here), decides cell by cell whether to
// keep theirs or mine, and takes their changes in one go. Nothing changes before that.
import * as React from "react";
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { AssessmentActions, CopyCell, CopyComparison, CopySheet } from "../actions";
import { plural } from "../present";
import type { ActionName, RunExclusive } from "../scheduling";
import { Chevron } from "./Chevron";
import { Pill } from "./Pill";
import { ResultMessage, type Outcome } from "./ResultMessage";
import { BusyBar, Section } from "./Section";
import { useSharedStyles } from "./sharedStyles";

/** Cells rendered per sheet before "Show all": keeps 10,000-cell comparisons responsive. */
const PAGE_SIZE = 50;

const useStyles = makeStyles({
  field: { display: "flex", flexDirection: "column", gap: "4px" },
  file: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  buttons: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
  sheets: { display: "flex", flexDirection: "column", gap: "6px" },
  sheetName: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  cell: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: "4px 0",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  values: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: "6px", padding: "0 8px" },
  choice: {
    display: "flex",
    gap: "12px",
    flexWrap: "wrap",
    padding: "0 8px",
    border: 0,
    margin: 0,
  },
  note: { padding: "4px 8px", margin: 0, color: tokens.colorNeutralForeground2 },
});

export interface CompareSectionProps {
  actions: Pick<AssessmentActions, "compareWithCopy" | "applyCopyChanges" | "selectCell">;
  run: RunExclusive;
  busy: ActionName | null;
}

const shown = (v: string | null): string => (v === null ? "(blank)" : v);

function counts(c: CopyComparison): { cells: number; rows: number; columns: number } {
  return {
    cells: c.sheets.reduce((n, s) => n + s.conflicts.length + s.taken.length, 0),
    rows: c.sheets.reduce((n, s) => n + s.added.length, 0),
    columns: c.sheets.reduce((n, s) => n + s.newColumns.length, 0),
  };
}

function comparedOutcome(c: CopyComparison): Outcome {
  const n = counts(c);
  if (n.cells + n.rows + n.columns === 0)
    return {
      kind: "success",
      title: "Nothing to take",
      text: `${c.fileName} holds the same inputs as this workbook.`,
    };
  return {
    kind: "info",
    title: `${plural(n.cells, "cell")} differ, ${plural(n.rows, "row")} and ${plural(n.columns, "column")} only in the copy`,
    text: "Cells that differ keep yours unless you choose theirs. Rows and columns only in the copy are added.",
  };
}

function CellChoice({
  cell,
  sheet,
  theirs,
  onChoose,
  onSelect,
  disabled,
}: {
  cell: CopyCell;
  sheet: CopySheet;
  theirs: boolean;
  onChoose: (key: string, theirs: boolean) => void;
  onSelect: (sheet: string, address: string) => void;
  disabled: boolean;
}): React.JSX.Element {
  const styles = useStyles();
  const shared = useSharedStyles();
  const name = `choice-${cell.key.replace(/[^A-Za-z0-9]+/g, "-")}`;
  return (
    <li className={styles.cell} data-testid="compare-cell" data-cell={cell.address}>
      <button
        type="button"
        className={shared.item}
        aria-disabled={disabled || undefined}
        title={`Select ${sheet.sheetName}!${cell.address} in Excel`}
        onClick={() => {
          if (!disabled) onSelect(sheet.sheetName, cell.address);
        }}
      >
        <span className={shared.strong}>
          {sheet.sheetName}!{cell.address} · {cell.id} · {cell.column}
        </span>
      </button>
      <div className={styles.values}>
        <span className={shared.muted}>Yours</span>
        <span>{shown(cell.mine)}</span>
        <span className={shared.muted}>Theirs</span>
        <span>{shown(cell.theirs)}</span>
      </div>
      {cell.write ? (
        <fieldset className={styles.choice}>
          <legend className={shared.visuallyHidden}>
            {cell.id} · {cell.column}
          </legend>
          <label className={shared.checkboxRow}>
            <input
              type="radio"
              className={shared.checkbox}
              name={name}
              checked={!theirs}
              onChange={() => onChoose(cell.key, false)}
            />
            Keep mine
          </label>
          <label className={shared.checkboxRow}>
            <input
              type="radio"
              className={shared.checkbox}
              name={name}
              checked={theirs}
              onChange={() => onChoose(cell.key, true)}
            />
            Take theirs
          </label>
        </fieldset>
      ) : (
        <Caption1 className={styles.note}>New column: taken.</Caption1>
      )}
    </li>
  );
}

function SheetGroup({
  sheet,
  open,
  takeTheirs,
  onChoose,
  onSelect,
  disabled,
}: {
  sheet: CopySheet;
  open: boolean;
  takeTheirs: ReadonlySet<string>;
  onChoose: (key: string, theirs: boolean) => void;
  onSelect: (sheet: string, address: string) => void;
  disabled: boolean;
}): React.JSX.Element {
  const styles = useStyles();
  const shared = useSharedStyles();
  const [expanded, setExpanded] = React.useState(open);
  const [limit, setLimit] = React.useState(PAGE_SIZE);
  const cells = [...sheet.conflicts, ...sheet.taken];
  const total = cells.length + sheet.added.length + sheet.newColumns.length;
  return (
    <details
      className={shared.details}
      open={open}
      onToggle={(e) => setExpanded(e.currentTarget.open)}
      data-testid="compare-sheet"
      data-sheet={sheet.sheet}
    >
      <summary className={shared.summary}>
        <Chevron open={expanded} />
        <span className={styles.sheetName}>{sheet.sheet}</span>
        <Pill color="informative">
          {total.toLocaleString("en-US")}
          <span className={shared.visuallyHidden}> {total === 1 ? "change" : "changes"}</span>
        </Pill>
      </summary>
      <div className={shared.panel}>
        {cells.length ? (
          <ul className={shared.list} aria-label={`${sheet.sheet}: cells that differ`}>
            {cells.slice(0, limit).map((cell) => (
              <CellChoice
                key={cell.key}
                cell={cell}
                sheet={sheet}
                theirs={takeTheirs.has(cell.key)}
                onChoose={onChoose}
                onSelect={onSelect}
                disabled={disabled}
              />
            ))}
          </ul>
        ) : null}
        {cells.length > limit ? (
          <Button size="small" appearance="subtle" onClick={() => setLimit(cells.length)}>
            Show all {cells.length.toLocaleString("en-US")}
          </Button>
        ) : null}
        {sheet.added.length ? (
          <Caption1 as="p" className={styles.note} data-testid="compare-added">
            Rows only in the copy, added: {sheet.added.map((r) => r.id).join(", ")}
          </Caption1>
        ) : null}
        {sheet.newColumns.length ? (
          <Caption1 as="p" className={styles.note}>
            Columns only in the copy, added: {sheet.newColumns.join(", ")}
          </Caption1>
        ) : null}
        {sheet.onlyMine ? (
          <Caption1 as="p" className={styles.note}>
            {plural(sheet.onlyMine, "row")} only in this workbook: kept.
          </Caption1>
        ) : null}
      </div>
    </details>
  );
}

export function CompareSection({ actions, run, busy }: CompareSectionProps): React.JSX.Element {
  const styles = useStyles();
  const shared = useSharedStyles();
  const [comparison, setComparison] = React.useState<CopyComparison | null>(null);
  const [takeTheirs, setTakeTheirs] = React.useState<ReadonlySet<string>>(new Set());
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);
  const [selectError, setSelectError] = React.useState<Outcome | null>(null);
  const inputRef = React.useRef<HTMLInputElement>(null);

  const compare = React.useCallback(
    async (file: File) => {
      setOutcome(null);
      setSelectError(null);
      const result = await run("compare", async () =>
        actions.compareWithCopy({ name: file.name, bytes: await file.arrayBuffer() })
      );
      if (result.status === "done") {
        setComparison(result.value);
        setTakeTheirs(new Set());
        setOutcome(comparedOutcome(result.value));
      } else if (result.status === "failed") {
        setComparison(null);
        setOutcome({ kind: "error", error: result.error });
      }
    },
    [actions, run]
  );

  const apply = React.useCallback(async () => {
    if (!comparison) return;
    setOutcome(null);
    const result = await run("apply", () => actions.applyCopyChanges(comparison, takeTheirs));
    if (result.status === "done") {
      const { cells, rows, columns } = result.value;
      setComparison(null);
      if (inputRef.current) inputRef.current.value = "";
      setOutcome({
        kind: "success",
        title: "Their changes taken",
        text: `${plural(cells, "cell")} written, ${plural(rows, "row")} and ${plural(columns, "column")} added from ${comparison.fileName}.`,
      });
    } else if (result.status === "failed") {
      setOutcome({ kind: "error", error: result.error });
    }
  }, [actions, comparison, run, takeTheirs]);

  const choose = React.useCallback((key: string, theirs: boolean) => {
    setTakeTheirs((current) => {
      const next = new Set(current);
      if (theirs) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  const chooseAll = React.useCallback(
    (theirs: boolean) => {
      const keys = comparison?.sheets.flatMap((s) => s.conflicts.map((c) => c.key)) ?? [];
      setTakeTheirs(new Set(theirs ? keys : []));
    },
    [comparison]
  );

  const select = React.useCallback(
    async (sheet: string, address: string) => {
      setSelectError(null);
      const result = await run("select", () => actions.selectCell(sheet, address));
      if (result.status === "failed") setSelectError({ kind: "error", error: result.error });
    },
    [actions, run]
  );

  const conflicts = comparison?.sheets.reduce((n, s) => n + s.conflicts.length, 0) ?? 0;
  const n = comparison ? counts(comparison) : null;
  const anything = n !== null && n.cells + n.rows + n.columns > 0;
  return (
    <Section
      id="compare"
      title="Compare with a copy"
      description="Choose a copy of this workbook someone sent back (.xlsx) to see what differs, sheet by sheet, and take their changes. Nothing changes until you do."
      busy={busy === "compare" || busy === "apply"}
    >
      <div className={styles.field}>
        <label htmlFor="compare-file" className={shared.label}>
          Workbook to compare with (.xlsx)
        </label>
        <input
          id="compare-file"
          ref={inputRef}
          type="file"
          className={styles.file}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy !== null}
          data-testid="compare-file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void compare(file);
          }}
        />
      </div>
      {busy === "compare" ? <BusyBar label="Reading the copy…" /> : null}
      {busy === "apply" ? <BusyBar label="Taking their changes…" /> : null}
      <ResultMessage action="compare" outcome={outcome} onDismiss={() => setOutcome(null)} />
      <ResultMessage
        action="compare-select"
        outcome={selectError}
        onDismiss={() => setSelectError(null)}
      />
      {comparison && anything ? (
        <>
          {conflicts > 0 ? (
            <div className={styles.buttons}>
              <Button size="small" onClick={() => chooseAll(true)}>
                Take theirs for all {conflicts.toLocaleString("en-US")}
              </Button>
              <Button size="small" onClick={() => chooseAll(false)}>
                Keep mine for all
              </Button>
            </div>
          ) : null}
          <div className={styles.sheets} data-testid="compare-sheets">
            {comparison.sheets.map((s, i) => (
              <SheetGroup
                key={s.sheet}
                sheet={s}
                open={i === 0}
                takeTheirs={takeTheirs}
                onChoose={choose}
                onSelect={(sheet, address) => void select(sheet, address)}
                disabled={busy !== null}
              />
            ))}
          </div>
          {comparison.missingHere.length ? (
            <Caption1 className={styles.note}>
              Only in the copy, not taken: {comparison.missingHere.join(", ")}. Build the assessment
              here first to compare them.
            </Caption1>
          ) : null}
          <div>
            <Button appearance="primary" onClick={apply} disabledFocusable={busy !== null}>
              Take their changes
            </Button>
          </div>
        </>
      ) : null}
    </Section>
  );
}
