// "Record snapshot": stores today's compliance and status counts as a row of values on Snapshot
// History (Summary charts the trend), with progress while the workbook is laid out again.
import * as React from "react";
import { Button } from "@fluentui/react-components";
import type { AssessmentActions } from "../actions";
import { snapshotMessage, writeProgress } from "../present";
import type { ActionName, RunExclusive } from "../scheduling";
import { ResultMessage, type Outcome } from "./ResultMessage";
import { BusyBar, Section } from "./Section";

export interface SnapshotSectionProps {
  actions: Pick<AssessmentActions, "recordSnapshot" | "hasAssessment">;
  run: RunExclusive;
  busy: ActionName | null;
}

export function SnapshotSection({ actions, run, busy }: SnapshotSectionProps): React.JSX.Element {
  const [progress, setProgress] = React.useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);
  const recording = busy === "snapshot";

  const record = React.useCallback(async () => {
    setOutcome(null);
    setProgress(null);
    // Without an assessment there is nothing to record (and no reason to build one as a side effect).
    const result = await run("snapshot", async () =>
      (await actions.hasAssessment())
        ? actions.recordSnapshot((done, total) => setProgress({ done, total }))
        : null
    );
    if (result.status === "done") {
      setOutcome(
        result.value
          ? { kind: "success", title: "Snapshot recorded", text: snapshotMessage(result.value) }
          : {
              kind: "info",
              title: "No assessment yet",
              text: "Build the assessment first; a snapshot records its scores.",
            }
      );
    } else if (result.status === "failed") {
      setOutcome({ kind: "error", error: result.error });
    }
  }, [actions, run]);

  const bar = writeProgress(progress, "Reading the scores…");
  return (
    <Section
      id="snapshot"
      title="Record snapshot"
      description="Adds today's compliance and status counts as a row on Snapshot History, so Summary shows progress over time."
      busy={recording}
    >
      <div>
        <Button onClick={record} disabledFocusable={busy !== null}>
          Record snapshot
        </Button>
      </div>
      {recording ? <BusyBar value={bar.value} label={bar.label} /> : null}
      <ResultMessage action="snapshot" outcome={outcome} onDismiss={() => setOutcome(null)} />
    </Section>
  );
}
