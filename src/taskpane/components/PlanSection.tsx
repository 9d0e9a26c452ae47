// "Create remediation plan": previews how many plan rows are new, kept and resolved — and which
// gaps they are — then writes the Remediation Plan sheet after the user confirms.
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { AssessmentActions, PlanCounts } from "../actions";
import { plural } from "../present";
import type { ActionName, RunExclusive } from "../scheduling";
import { CountGrid } from "./CountGrid";
import { ResultMessage, type Outcome } from "./ResultMessage";
import { BusyBar, Section } from "./Section";
import { useSharedStyles } from "./sharedStyles";

const useStyles = makeStyles({
  buttons: { display: "flex", gap: "8px", flexWrap: "wrap" },
  gaps: { display: "flex", flexDirection: "column", gap: "4px" },
  gapList: {
    margin: 0,
    padding: "0 8px 6px 24px",
    fontSize: tokens.fontSizeBase200,
    maxHeight: "160px",
    overflowY: "auto",
  },
});

/** One preview list ("New: 2 gaps"), closed until asked for. */
function GapList({ title, items }: { title: string; items: string[] }): React.JSX.Element | null {
  const styles = useStyles();
  const shared = useSharedStyles();
  if (items.length === 0) return null;
  return (
    <details className={shared.details} data-testid="plan-gaps" data-kind={title}>
      <summary className={shared.summary}>
        {title}: {plural(items.length, "gap")}
      </summary>
      <ul className={styles.gapList}>
        {items.map((item, i) => (
          <li key={`${item}#${i}`}>{item}</li>
        ))}
      </ul>
    </details>
  );
}

export interface PlanSectionProps {
  actions: Pick<AssessmentActions, "plan">;
  run: RunExclusive;
  busy: ActionName | null;
}

export function PlanSection({ actions, run, busy }: PlanSectionProps): React.JSX.Element {
  const styles = useStyles();
  const [preview, setPreview] = React.useState<PlanCounts | null>(null);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);
  const planning = busy === "plan";

  const previewPlan = React.useCallback(async () => {
    setOutcome(null);
    setPreview(null);
    const result = await run("plan", () => actions.plan(false));
    if (result.status === "done") {
      setPreview(result.value);
      const { added, kept, resolved } = result.value;
      if (added + kept + resolved === 0) {
        setOutcome({
          kind: "info",
          title: "No open gaps",
          text: "No row is Partially Compliant or Non-Compliant, so there is nothing to plan yet.",
        });
      }
    } else if (result.status === "failed") {
      setOutcome({ kind: "error", error: result.error });
    }
  }, [actions, run]);

  const write = React.useCallback(async () => {
    setOutcome(null);
    const result = await run("plan", () => actions.plan(true));
    if (result.status === "done") {
      const { added, kept, resolved, rows } = result.value;
      setPreview(null);
      setOutcome({
        kind: "success",
        title: "Remediation plan written",
        text: `${plural(rows, "row")} on Remediation Plan: ${added} new, ${kept} kept, ${resolved} resolved. Your edits were kept.`,
      });
    } else if (result.status === "failed") {
      setOutcome({ kind: "error", error: result.error });
    }
  }, [actions, run]);

  const hasWork = preview !== null && preview.added + preview.kept + preview.resolved > 0;
  return (
    <Section
      id="plan"
      title="Create remediation plan"
      description="One action per open gap, with owner and due date; regenerating keeps every edit."
      busy={planning}
    >
      <div className={styles.buttons}>
        <Button onClick={previewPlan} disabledFocusable={busy !== null}>
          {preview ? "Preview again" : "Preview plan"}
        </Button>
      </div>
      {planning ? (
        <BusyBar label={preview ? "Writing the Remediation Plan…" : "Reading the gaps…"} />
      ) : null}
      {preview ? (
        <>
          <CountGrid
            label="Plan preview"
            testId="plan-preview"
            counts={[
              ["New", preview.added],
              ["Kept", preview.kept],
              ["Resolved", preview.resolved],
            ]}
          />
          {preview.gaps ? (
            <div className={styles.gaps}>
              <GapList title="New" items={preview.gaps.added} />
              <GapList title="Kept" items={preview.gaps.kept} />
              <GapList title="Resolved" items={preview.gaps.resolved} />
            </div>
          ) : null}
          <div className={styles.buttons}>
            <Button
              appearance="primary"
              onClick={write}
              disabledFocusable={busy !== null || !hasWork}
            >
              Write plan
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
      <ResultMessage action="plan" outcome={outcome} onDismiss={() => setOutcome(null)} />
    </Section>
  );
}
