// "Check workbook": runs the validation rules, lists problems by what they mean, takes the user to a
// problem's cell, and says so plainly when everything is in order.
import * as React from "react";
import { Button, makeStyles } from "@fluentui/react-components";
import type { AssessmentActions, CheckReport, Problem, ValidationReport } from "../actions";
import { isAllClear, plural } from "../present";
import type { ActionName, RunExclusive } from "../scheduling";
import { ProblemList } from "./ProblemList";
import { ResultMessage, type Outcome } from "./ResultMessage";
import { BusyBar, Section } from "./Section";
import { SeverityBadge } from "./SeverityBadge";

const useStyles = makeStyles({
  summary: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "center" },
});

export interface CheckSectionProps {
  actions: Pick<AssessmentActions, "check" | "selectCell">;
  run: RunExclusive;
  busy: ActionName | null;
}

function summaryOutcome(report: ValidationReport): Outcome {
  const { errors, warnings, infos } = report.summary;
  if (isAllClear(report)) {
    return {
      kind: "success",
      title: "All clear",
      text:
        infos > 0
          ? `No errors or warnings. ${plural(infos, "note")} for information (for example rows not assessed yet).`
          : "No errors, warnings or notes.",
    };
  }
  return {
    kind: "warning",
    title: `${plural(errors, "error")} and ${plural(warnings, "warning")} found`,
    text: "Select a problem to go to its cell, fix it, then check again.",
  };
}

export function CheckSection({ actions, run, busy }: CheckSectionProps): React.JSX.Element {
  const styles = useStyles();
  const [report, setReport] = React.useState<CheckReport | null>(null);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);
  const [selectError, setSelectError] = React.useState<Outcome | null>(null);
  const checking = busy === "check";

  const check = React.useCallback(async () => {
    setOutcome(null);
    setSelectError(null);
    const result = await run("check", () => actions.check());
    if (result.status === "done") {
      setReport(result.value);
      setOutcome(summaryOutcome(result.value));
    } else if (result.status === "failed") {
      setOutcome({ kind: "error", error: result.error });
    }
  }, [actions, run]);

  const select = React.useCallback(
    async (p: Problem) => {
      setSelectError(null);
      const result = await run("select", () => actions.selectCell(p.sheet, p.cell));
      if (result.status === "failed") setSelectError({ kind: "error", error: result.error });
    },
    [actions, run]
  );

  return (
    <Section
      id="check"
      title="Check workbook"
      description="Finds missing evidence, invalid statuses, unjustified exclusions and more, cell by cell."
      busy={checking}
    >
      <div>
        <Button onClick={check} disabledFocusable={busy !== null}>
          {report ? "Check again" : "Check workbook"}
        </Button>
      </div>
      {checking ? <BusyBar label="Checking the workbook…" /> : null}
      <ResultMessage action="check" outcome={outcome} onDismiss={() => setOutcome(null)} />
      {report && report.problems.length > 0 ? (
        <>
          <div className={styles.summary} aria-label="Problems by severity" role="group">
            {report.summary.errors > 0 ? (
              <SeverityBadge severity="error" count={report.summary.errors} />
            ) : null}
            {report.summary.warnings > 0 ? (
              <SeverityBadge severity="warning" count={report.summary.warnings} />
            ) : null}
            {report.summary.infos > 0 ? (
              <SeverityBadge severity="info" count={report.summary.infos} />
            ) : null}
          </div>
          <ResultMessage
            action="select"
            outcome={selectError}
            onDismiss={() => setSelectError(null)}
          />
          <ProblemList
            problems={report.problems}
            descriptions={report.descriptions}
            onSelect={select}
            disabled={busy !== null}
          />
        </>
      ) : null}
    </Section>
  );
}
