// The task pane's title bar.
import * as React from "react";
import { Subtitle1, Caption1, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  header: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: "12px 16px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export function Header(): React.JSX.Element {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Subtitle1 as="h1">ISO 27001 Gap Assessor</Subtitle1>
      <Caption1>ISO/IEC 27001:2022 gap assessment in this workbook</Caption1>
    </header>
  );
}
