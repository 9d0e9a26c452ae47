// The overview: is there an assessment, how compliant is it, how much is assessed, how many plan
// actions are open or overdue, and is it ready for a Stage 1 / Stage 2 certification audit.
// Figures come from the workbook (read by the parent).
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  ProgressBar,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Overview, Readiness } from "../actions";
import { formatPercent, plural, readinessVerdict, type ErrorText } from "../present";
import { Pill } from "./Pill";
import { ResultMessage } from "./ResultMessage";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: "10px",
    padding: "12px",
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "8px" },
  tiles: {
    display: "grid",
    gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
    gap: "8px",
    margin: 0,
  },
  tile: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  label: { color: tokens.colorNeutralForeground2 },
  value: {
    display: "block",
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase500,
  },
  facts: {
    display: "flex",
    flexWrap: "wrap",
    gap: "6px 16px",
    alignItems: "center",
    margin: 0,
    fontSize: tokens.fontSizeBase300,
  },
  fact: { display: "flex", gap: "4px", alignItems: "center" },
  dd: { margin: 0 },
  readiness: { display: "flex", flexDirection: "column", gap: "4px" },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface OverviewCardProps {
  overview: Overview | null;
  loading: boolean;
  error: ErrorText | null;
  onRefresh: () => void;
}

function Tile({ label, value }: { label: string; value: number | null }): React.JSX.Element {
  const styles = useStyles();
  const text = formatPercent(value);
  return (
    <div className={styles.tile}>
      <dt>
        <Caption1 className={styles.label}>{label}</Caption1>
      </dt>
      <dd className={styles.dd}>
        <span className={styles.value} data-testid={`compliance-${label}`}>
          {text}
        </span>
        <ProgressBar
          value={value ?? 0}
          max={1}
          thickness="medium"
          aria-label={`${label} compliance: ${value === null ? "not scored yet" : text}`}
        />
      </dd>
    </div>
  );
}

function Stage({ stage, blockers }: { stage: 1 | 2; blockers: number }): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.fact}>
      <dt>Stage {stage}:</dt>
      <dd className={styles.dd} data-testid={`readiness-stage${stage}`}>
        <Pill color={blockers === 0 ? "success" : "danger"}>{readinessVerdict(blockers)}</Pill>
      </dd>
    </div>
  );
}

function ReadinessFacts({ readiness }: { readiness: Readiness | null }): React.JSX.Element {
  const styles = useStyles();
  if (!readiness) {
    return (
      <Caption1 className={styles.muted} data-testid="readiness-unknown">
        Certification readiness needs the Documents sheet: run <strong>Build assessment</strong> to
        add it (your entries are kept).
      </Caption1>
    );
  }
  return (
    <>
      <dl className={styles.facts}>
        <Stage stage={1} blockers={readiness.stage1} />
        <Stage stage={2} blockers={readiness.stage2} />
      </dl>
      {readiness.stage2 > 0 ? (
        <Caption1 className={styles.muted}>
          Summary lists what blocks each stage under Certification readiness; Stage 1 blockers block
          Stage 2 too.
        </Caption1>
      ) : null}
    </>
  );
}

export function OverviewCard({
  overview,
  loading,
  error,
  onRefresh,
}: OverviewCardProps): React.JSX.Element {
  const styles = useStyles();
  let body: React.ReactNode;
  if (error) {
    body = <ResultMessage action="overview" outcome={{ kind: "error", error }} />;
  } else if (!overview) {
    body = <Body1>Reading the workbook…</Body1>;
  } else if (!overview.found) {
    body = (
      <Body1 data-testid="overview-empty">
        No assessment in this workbook yet. Choose <strong>Build assessment</strong> below to create
        the sheets.
      </Body1>
    );
  } else {
    body = (
      <>
        <div role="group" aria-label="Compliance">
          <dl className={styles.tiles}>
            <Tile label="Overall" value={overview.compliance.overall} />
            <Tile label="Clauses 4–10" value={overview.compliance.clauses} />
            <Tile label="Annex A" value={overview.compliance.annexA} />
          </dl>
        </div>
        <div role="group" aria-label="Progress">
          <dl className={styles.facts}>
            <div className={styles.fact}>
              <dt>Assessed</dt>
              <dd className={styles.dd} data-testid="overview-assessed">
                <strong>{overview.assessed.toLocaleString("en-US")}</strong> of{" "}
                {plural(overview.total, "row")}
              </dd>
            </div>
            <div className={styles.fact}>
              <dt>Open actions</dt>
              <dd className={styles.dd} data-testid="overview-open">
                <strong>{overview.openActions.toLocaleString("en-US")}</strong>
              </dd>
            </div>
            <div className={styles.fact}>
              <dt>Overdue</dt>
              <dd className={styles.dd} data-testid="overview-overdue">
                {overview.overdue > 0 ? (
                  <Pill color="dangerFilled">{overview.overdue.toLocaleString("en-US")}</Pill>
                ) : (
                  <strong>0</strong>
                )}
              </dd>
            </div>
          </dl>
        </div>
        <div
          role="group"
          aria-label="Certification readiness"
          className={styles.readiness}
          data-testid="overview-readiness"
        >
          <ReadinessFacts readiness={overview.readiness} />
        </div>
      </>
    );
  }
  return (
    <section
      className={styles.card}
      aria-labelledby="overview-title"
      aria-busy={loading || undefined}
      data-testid="overview"
    >
      <div className={styles.header}>
        <Subtitle2 as="h2" id="overview-title">
          Overview
        </Subtitle2>
        <Button
          size="small"
          appearance="subtle"
          onClick={onRefresh}
          disabledFocusable={loading}
          aria-label="Refresh overview"
        >
          {loading ? "Reading…" : "Refresh"}
        </Button>
      </div>
      {body}
    </section>
  );
}
