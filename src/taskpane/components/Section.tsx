// One action area of the task pane: a labelled region with a heading and a one-line purpose,
// plus the progress bar every action shows while it runs.
import * as React from "react";
import { Caption1, ProgressBar, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useSharedStyles } from "./sharedStyles";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    paddingTop: "12px",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  description: { color: tokens.colorNeutralForeground2 },
  busy: { display: "flex", flexDirection: "column", gap: "4px" },
});

export interface SectionProps {
  id: string;
  title: string;
  description: string;
  busy?: boolean;
  children: React.ReactNode;
}

export function Section({
  id,
  title,
  description,
  busy,
  children,
}: SectionProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <section
      className={styles.section}
      aria-labelledby={`${id}-title`}
      aria-busy={busy || undefined}
      data-testid={`${id}-section`}
    >
      <Subtitle2 as="h2" id={`${id}-title`}>
        {title}
      </Subtitle2>
      <Caption1 className={styles.description}>{description}</Caption1>
      {children}
    </section>
  );
}

export interface BusyBarProps {
  /** What is happening, read out and shown under the bar. */
  label: string;
  /** 0–1 when the amount of work is known; indeterminate otherwise. */
  value?: number;
}

/** Progress of the running action: a bar plus a live text for screen readers. */
export function BusyBar({ label, value }: BusyBarProps): React.JSX.Element {
  const styles = useStyles();
  const shared = useSharedStyles();
  return (
    <div className={styles.busy} data-testid="busy">
      <ProgressBar value={value} max={1} thickness="medium" aria-label={label} />
      <span className={shared.progressLabel} role="status" aria-live="polite">
        {label}
      </span>
    </div>
  );
}
