// "Build assessment": creates the assessment sheets, or rebuilds them after a confirmation,
// keeping every value a person typed. Shows progress while the sheets are written.
import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import type { AssessmentActions } from "../actions";
import { plural, writeProgress } from "../present";
import type { ActionName, RunExclusive } from "../scheduling";
import { ResultMessage, type Outcome } from "./ResultMessage";
import { BusyBar, Section } from "./Section";

export interface BuildSectionProps {
  actions: Pick<AssessmentActions, "build" | "hasAssessment">;
  run: RunExclusive;
  busy: ActionName | null;
}

export function BuildSection({ actions, run, busy }: BuildSectionProps): React.JSX.Element {
  const [confirming, setConfirming] = React.useState(false);
  const [progress, setProgress] = React.useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);
  const building = busy === "build";

  const build = React.useCallback(async () => {
    setConfirming(false);
    setProgress(null);
    setOutcome(null);
    const result = await run("build", () =>
      actions.build((done, total) => setProgress({ done, total }))
    );
    if (result.status === "done") {
      const { rows, rebuilt } = result.value;
      setOutcome(
        rebuilt
          ? {
              kind: "success",
              title: "Assessment rebuilt",
              text: `${plural(rows, "row")} laid out again; every value you typed was kept.`,
            }
          : {
              kind: "success",
              title: "Assessment built",
              text: `${plural(rows, "row")} on Clauses 4-10 and Annex A. Start with the Status column.`,
            }
      );
    } else if (result.status === "failed") {
      setOutcome({ kind: "error", error: result.error });
    }
  }, [actions, run]);

  const start = React.useCallback(async () => {
    setOutcome(null);
    const exists = await run("build", () => actions.hasAssessment());
    if (exists.status === "failed") setOutcome({ kind: "error", error: exists.error });
    if (exists.status !== "done") return;
    if (exists.value) setConfirming(true);
    else await build();
  }, [actions, run, build]);

  const bar = writeProgress(progress, "Reading the workbook…");
  return (
    <Section
      id="build"
      title="Build assessment"
      description="Creates Clauses 4-10, Annex A, Summary and Settings with live score formulas."
      busy={building}
    >
      <div>
        <Button appearance="primary" onClick={start} disabledFocusable={busy !== null}>
          Build assessment
        </Button>
      </div>
      {building ? <BusyBar value={bar.value} label={bar.label} /> : null}
      <ResultMessage action="build" outcome={outcome} onDismiss={() => setOutcome(null)} />
      <Dialog
        open={confirming}
        onOpenChange={(_, data) => setConfirming(data.open)}
        modalType="alert"
      >
        <DialogSurface aria-describedby="build-confirm-text">
          <DialogBody>
            <DialogTitle>Rebuild the assessment?</DialogTitle>
            <DialogContent id="build-confirm-text">
              This workbook already has assessment sheets. Rebuilding lays them out again from the
              catalog and keeps every status, evidence, owner, note and extra column you typed.
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={build}>
                Rebuild
              </Button>
              <Button appearance="secondary" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </Section>
  );
}
