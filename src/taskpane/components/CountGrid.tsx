// A row of labelled counts ("3 new · 12 kept · 1 resolved") as a definition list.
import * as React from "react";
import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(64px, 1fr))",
    gap: "8px",
    margin: 0,
  },
  cell: { display: "flex", flexDirection: "column", minWidth: 0 },
  dd: { margin: 0 },
  value: {
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase500,
  },
  label: { color: tokens.colorNeutralForeground2 },
});

export function CountGrid({
  label,
  counts,
  testId,
}: {
  label: string;
  counts: [string, number][];
  testId?: string;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <div role="group" aria-label={label} data-testid={testId}>
      <dl className={styles.grid}>
        {counts.map(([name, n]) => (
          <div key={name} className={styles.cell} data-count={name}>
            <dt>
              <Caption1 className={styles.label}>{name}</Caption1>
            </dt>
            <dd className={styles.dd}>
              <Text className={styles.value}>{n.toLocaleString("en-US")}</Text>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
