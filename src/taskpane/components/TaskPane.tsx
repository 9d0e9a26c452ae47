// The task pane's working area: the overview and the six actions. Owns the "one action at a
// time" rule and keeps the overview current (on load, after each action, on workbook changes).
import * as React from "react";
import type { AssessmentActions, Overview } from "../actions";
import { describeError, type ErrorText } from "../present";
import { createExclusiveRunner, debounce, type ActionName } from "../scheduling";
import { AdoptSection } from "./AdoptSection";
import { BuildSection } from "./BuildSection";
import { CheckSection } from "./CheckSection";
import { CompareSection } from "./CompareSection";
import { OverviewCard } from "./OverviewCard";
import { PlanSection } from "./PlanSection";
import { ReportSection } from "./ReportSection";
import { SnapshotSection } from "./SnapshotSection";

/** Workbook change events arrive in bursts (typing, paste); re-read once they settle. */
export const CHANGE_DEBOUNCE_MS = 500;

export interface TaskPaneProps {
  actions: AssessmentActions;
}

export function TaskPane({ actions }: TaskPaneProps): React.JSX.Element {
  const [busy, setBusy] = React.useState<ActionName | null>(null);
  const [overview, setOverview] = React.useState<Overview | null>(null);
  const [overviewError, setOverviewError] = React.useState<ErrorText | null>(null);
  const [reading, setReading] = React.useState(false);
  const [refreshToken, setRefreshToken] = React.useState(0);
  const sequence = React.useRef(0);

  const refresh = React.useCallback(async () => {
    const mine = ++sequence.current;
    setReading(true);
    try {
      const next = await actions.readOverview();
      if (mine !== sequence.current) return;
      setOverview(next);
      setOverviewError(null);
    } catch (error) {
      if (mine !== sequence.current) return;
      setOverviewError(describeError(error));
    } finally {
      if (mine === sequence.current) setReading(false);
    }
  }, [actions]);

  const runner = React.useMemo(
    () =>
      createExclusiveRunner(setBusy, (name) => {
        // Selecting a cell and reading the report change nothing; every other action may have.
        if (name === "select" || name === "report" || name === "compare") return;
        void refresh();
        setRefreshToken((t) => t + 1);
      }),
    [refresh]
  );

  React.useEffect(() => {
    void refresh();
    // Re-read after workbook edits, and when the pane becomes visible again.
    const changed = debounce(() => {
      if (runner.current() === null) {
        void refresh();
        setRefreshToken((t) => t + 1);
      }
    }, CHANGE_DEBOUNCE_MS);
    let unsubscribe: (() => void) | null = null;
    let disposed = false;
    actions
      .subscribeToChanges(changed)
      .then((off) => {
        if (disposed) off();
        else unsubscribe = off;
      })
      .catch(() => undefined); // no live updates on this host; Refresh still works
    const onVisible = (): void => {
      if (document.visibilityState === "visible") changed();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      disposed = true;
      changed.cancel();
      unsubscribe?.();
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [actions, refresh, runner]);

  return (
    <>
      <OverviewCard
        overview={overview}
        loading={reading}
        error={overviewError}
        onRefresh={() => void refresh()}
      />
      <BuildSection actions={actions} run={runner.run} busy={busy} />
      <CheckSection actions={actions} run={runner.run} busy={busy} />
      <PlanSection actions={actions} run={runner.run} busy={busy} />
      <AdoptSection actions={actions} run={runner.run} busy={busy} refreshToken={refreshToken} />
      <SnapshotSection actions={actions} run={runner.run} busy={busy} />
      <ReportSection actions={actions} run={runner.run} busy={busy} />
      <CompareSection actions={actions} run={runner.run} busy={busy} />
    </>
  );
}
