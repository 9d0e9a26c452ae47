// The task pane shell: theme, header, and the actions area later features fill.
import * as React from "react";
import { FluentProvider, makeStyles, type Theme } from "@fluentui/react-components";
import { Header } from "./components/Header";
import { OutsideExcel } from "./components/OutsideExcel";

const useStyles = makeStyles({
  main: { display: "flex", flexDirection: "column", gap: "12px", padding: "12px 16px" },
});

export interface AppProps {
  theme: Theme;
  /** False when Office.js reports a host other than Excel (or none). */
  inExcel: boolean;
  children?: React.ReactNode;
}

export function App({ theme, inExcel, children }: AppProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <FluentProvider theme={theme} style={{ minHeight: "100%" }}>
      <Header />
      <main className={styles.main} aria-label="Assessment actions">
        {inExcel ? children : <OutsideExcel />}
      </main>
    </FluentProvider>
  );
}
