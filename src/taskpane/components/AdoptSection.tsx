// "Adopt a template": pick the sheet a checklist was pasted into, preview what lands where
// (matched, merged, unmatched, conflicts), jump to unmatched rows, then write the answers.
// The template sheet itself is never changed.
import * as React from "react";
import { Button, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { AdoptResult, AssessmentActions } from "../actions";
import { describeError, plural } from "../present";
import type { ActionName, RunExclusive } from "../scheduling";
import { Chevron } from "./Chevron";
import { CountGrid } from "./CountGrid";
import { PAGE_SIZE } from "./ProblemList";
import { ResultMessage, type Outcome } from "./ResultMessage";
import { BusyBar, Section } from "./Section";
import { useSharedStyles } from "./sharedStyles";

const useStyles = makeStyles({
  row: { display: "flex", gap: "8px", alignItems: "flex-end" },
  field: { display: "flex", flexDirection: "column", gap: "4px", flexGrow: 1, minWidth: 0 },
  buttons: { display: "flex", gap: "8px", flexWrap: "wrap" },
  notes: {
    margin: 0,
    padding: "4px 8px 0 24px",
    fontSize: tokens.fontSizeBase200,
    display: "flex",
    flexDirection: "column",
    gap: "4px",
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

export interface AdoptSectionProps {
  actions: Pick<
    AssessmentActions,
    "listTemplateSheets" | "previewAdoption" | "applyAdoption" | "selectCell"
  >;
  run: RunExclusive;
  busy: ActionName | null;
  /** Changes whenever the workbook may have changed: the sheet list is read again. */
  refreshToken: number;
}

export function AdoptSection({
  actions,
  run,
  busy,
  refreshToken,
}: AdoptSectionProps): React.JSX.Element {
  const styles = useStyles();
  const shared = useSharedStyles();
  const [sheets, setSheets] = React.useState<string[] | null>(null);
  const [sheet, setSheet] = React.useState("");
  const [preview, setPreview] = React.useState<AdoptResult | null>(null);
  const [overwrite, setOverwrite] = React.useState(false);
  const [showAll, setShowAll] = React.useState(false);
  const [notesOpen, setNotesOpen] = React.useState(false);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);
  const [listError, setListError] = React.useState<Outcome | null>(null);
  const adopting = busy === "adopt";
  const lastActive = React.useRef<string | null>(null);

  const loadSheets = React.useCallback(async () => {
    try {
      const { sheets: list, active } = await actions.listTemplateSheets();
      setSheets(list);
      // The sheet the person is on (where they pasted) wins when they moved to it since the last
      // look; otherwise their own choice stays.
      const moved = active !== null && active !== lastActive.current;
      lastActive.current = active;
      setSheet((current) =>
        moved && active ? active : list.includes(current) ? current : (active ?? list[0] ?? "")
      );
      setListError(null);
    } catch (error) {
      setSheets((current) => current ?? []);
      setListError({ kind: "error", error: describeError(error) });
    }
  }, [actions]);

  React.useEffect(() => {
    void loadSheets();
  }, [loadSheets, refreshToken]);

  const previewSheet = React.useCallback(async () => {
    if (!sheet) return;
    setOutcome(null);
    setPreview(null);
    setShowAll(false);
    const result = await run("adopt", () => actions.previewAdoption(sheet));
    if (result.status === "done") {
      setPreview(result.value);
      const { report } = result.value;
      if (report.problems.length > 0) {
        setOutcome({
          kind: "warning",
          title: "Nothing to adopt from this sheet",
          text: report.problems.join(" "),
        });
      }
    } else if (result.status === "failed") {
      setOutcome({ kind: "error", error: result.error });
    }
  }, [actions, run, sheet]);

  const apply = React.useCallback(async () => {
    if (!preview) return;
    setOutcome(null);
    const result = await run("adopt", () => actions.applyAdoption(preview, overwrite));
    if (result.status === "done") {
      const { counts } = preview.report;
      setOutcome({
        kind: "success",
        title: "Template adopted",
        text:
          `${plural(counts.matched, "row")} from "${preview.report.sheet ?? sheet}" written to ${plural(counts.targets, "assessment row")}` +
          `${overwrite ? " (values already there were overwritten)" : " (values already there were kept)"}. The template sheet was not changed.`,
      });
      setPreview(null);
    } else if (result.status === "failed") {
      setOutcome({ kind: "error", error: result.error });
    }
  }, [actions, run, preview, overwrite, sheet]);

  const selectRow = React.useCallback(
    async (sheetName: string, row: number) => {
      const column = preview?.report.idColumn ?? "A";
      const result = await run("select", () => actions.selectCell(sheetName, `${column}${row}`));
      if (result.status === "failed") setOutcome({ kind: "error", error: result.error });
    },
    [actions, run, preview]
  );

  const report = preview?.report;
  const unmatched = report?.unmatched ?? [];
  const visible = showAll ? unmatched : unmatched.slice(0, PAGE_SIZE);
  const noSheets = sheets !== null && sheets.length === 0;
  const notes = report
    ? [
        ...report.decisions,
        ...report.unknownWords.map(
          (w) =>
            `Unknown answer “${w.word}” in column ${w.column} (${plural(w.count, "row")}): left as Not Assessed, never guessed.`
        ),
        ...report.conflicts.map((c) => `Conflict: ${c.message}`),
      ]
    : [];
  return (
    <Section
      id="adopt"
      title="Adopt a template"
      description="Paste an existing checklist or Statement of Applicability into a sheet; its answers land in the right 2022 rows."
      busy={adopting}
    >
      <div className={styles.row}>
        <div className={styles.field}>
          <label htmlFor="adopt-sheet" className={shared.label}>
            Template sheet
          </label>
          <select
            id="adopt-sheet"
            className={shared.select}
            value={sheet}
            onChange={(e) => {
              setSheet(e.target.value);
              setPreview(null);
            }}
            disabled={busy !== null || noSheets || sheets === null}
          >
            {(sheets ?? []).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <Button
          appearance="subtle"
          onClick={() => void loadSheets()}
          disabledFocusable={busy !== null}
          aria-label="Refresh list of sheets"
        >
          Refresh list
        </Button>
      </div>
      <ResultMessage action="adopt-list" outcome={listError} onDismiss={() => setListError(null)} />
      {noSheets && !listError ? (
        <Caption1 className={shared.muted}>
          No other sheets yet. Paste your checklist into a new sheet, then choose Refresh list.
        </Caption1>
      ) : null}
      <div className={styles.buttons}>
        <Button onClick={previewSheet} disabledFocusable={busy !== null || !sheet}>
          Preview adoption
        </Button>
      </div>
      {adopting ? (
        <BusyBar label={preview ? "Writing the adopted answers…" : `Reading “${sheet}”…`} />
      ) : null}
      {report ? (
        <>
          <CountGrid
            label="Adoption preview"
            testId="adopt-preview"
            counts={[
              ["Matched", report.counts.matched],
              ["Merged", report.counts.merged],
              ["Unmatched", report.counts.unmatched],
              ["Conflicts", report.counts.conflicts],
            ]}
          />
          {notes.length > 0 ? (
            <details
              className={shared.details}
              onToggle={(e) => setNotesOpen(e.currentTarget.open)}
            >
              <summary className={shared.summary}>
                <Chevron open={notesOpen} />
                How the sheet was read
              </summary>
              <ul className={styles.notes}>
                {notes.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            </details>
          ) : null}
          {unmatched.length > 0 ? (
            <div>
              <h3 className={styles.heading} id="adopt-unmatched-title">
                Unmatched rows ({unmatched.length.toLocaleString("en-US")})
              </h3>
              <Caption1 className={shared.muted}>Select one to go to it in the template.</Caption1>
              <ul
                className={shared.list}
                aria-labelledby="adopt-unmatched-title"
                data-testid="adopt-unmatched"
              >
                {visible.map((u) => (
                  <li key={`${u.sheet}#${u.row}`}>
                    <button
                      type="button"
                      className={mergeClasses(shared.item, busy !== null && shared.itemDisabled)}
                      aria-disabled={busy !== null || undefined}
                      title={`Select row ${u.row} of ${u.sheet} in Excel`}
                      data-testid="unmatched"
                      onClick={() => {
                        if (busy === null) void selectRow(u.sheet, u.row);
                      }}
                    >
                      <span className={shared.strong}>
                        Row {u.row}
                        {u.text ? `: ${u.text}` : ""}
                      </span>
                      <span className={shared.muted}>{u.reason}</span>
                    </button>
                  </li>
                ))}
              </ul>
              {!showAll && unmatched.length > PAGE_SIZE ? (
                <Button size="small" appearance="subtle" onClick={() => setShowAll(true)}>
                  Show all {unmatched.length.toLocaleString("en-US")}
                </Button>
              ) : null}
            </div>
          ) : null}
          <label className={shared.checkboxRow}>
            <input
              type="checkbox"
              className={shared.checkbox}
              checked={overwrite}
              onChange={(e) => setOverwrite(e.target.checked)}
              disabled={busy !== null}
              data-testid="adopt-overwrite"
            />
            Overwrite values already in the assessment
          </label>
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              onClick={apply}
              disabledFocusable={busy !== null || report.counts.matched === 0}
            >
              Adopt {plural(report.counts.matched, "row")}
            </Button>
            <Button
              appearance="secondary"
              onClick={() => setPreview(null)}
              disabledFocusable={busy !== null}
            >
              Cancel
            </Button>
          </div>
        </>
      ) : null}
      <ResultMessage action="adopt" outcome={outcome} onDismiss={() => setOutcome(null)} />
    </Section>
  );
}
