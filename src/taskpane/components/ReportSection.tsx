// "Executive report": the Markdown summary a consultant pastes into a report (scores, readiness,
// top gaps, overdue actions, missing documents), shown read-only with Copy and Download .md, and
// the CLI's other report files as downloads: one HTML page with charts, and a Word document.
// Reading it changes nothing in the workbook.
import * as React from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { AssessmentActions, ReportFormat } from "../actions";
import { copyText } from "../clipboard";
import { downloadBlob } from "../download";
import { reportFileName } from "../present";
import type { ActionName, RunExclusive } from "../scheduling";
import { ResultMessage, type Outcome } from "./ResultMessage";
import { BusyBar, Section } from "./Section";
import { useSharedStyles } from "./sharedStyles";

const useStyles = makeStyles({
  field: { display: "flex", flexDirection: "column", gap: "4px" },
  buttons: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
  /** The shared native-control look (border, colours, focus ring), taller and monospaced. */
  text: {
    boxSizing: "border-box",
    minHeight: "180px",
    padding: "6px 8px",
    resize: "vertical",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  /** A download link drawn like Fluent's secondary button. */
  link: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    boxSizing: "border-box",
    minHeight: "32px",
    padding: "0 12px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase300,
    textDecoration: "none",
    ":hover": {
      backgroundColor: tokens.colorNeutralBackground1Hover,
      border: `1px solid ${tokens.colorNeutralStroke1Hover}`,
      color: tokens.colorNeutralForeground1Hover,
    },
    ":active": {
      backgroundColor: tokens.colorNeutralBackground1Pressed,
      border: `1px solid ${tokens.colorNeutralStroke1Pressed}`,
    },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
});

export interface ReportSectionProps {
  actions: Pick<AssessmentActions, "report" | "hasAssessment" | "reportFile">;
  run: RunExclusive;
  busy: ActionName | null;
}

const NOT_COPIED: Outcome = {
  kind: "warning",
  title: "Could not copy",
  text: "Excel does not let the add-in use the clipboard here. The report text is selected: press Ctrl+C (⌘C on a Mac) to copy it, or use Download .md.",
};

export function ReportSection({ actions, run, busy }: ReportSectionProps): React.JSX.Element {
  const styles = useStyles();
  const shared = useSharedStyles();
  const [markdown, setMarkdown] = React.useState<string | null>(null);
  const [url, setUrl] = React.useState<string | null>(null);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);
  const [copyOutcome, setCopyOutcome] = React.useState<Outcome | null>(null);
  const [copied, setCopied] = React.useState(false);
  const textRef = React.useRef<HTMLTextAreaElement>(null);
  const reading = busy === "report";

  // The download link's object URL lives as long as the report it holds.
  React.useEffect(() => {
    if (markdown === null) {
      setUrl(null);
      return undefined;
    }
    const href = URL.createObjectURL(new Blob([markdown], { type: "text/markdown;charset=utf-8" }));
    setUrl(href);
    return () => URL.revokeObjectURL(href);
  }, [markdown]);

  const create = React.useCallback(async () => {
    setOutcome(null);
    setCopyOutcome(null);
    setCopied(false);
    const result = await run("report", async () =>
      (await actions.hasAssessment()) ? actions.report() : null
    );
    if (result.status === "done") {
      if (result.value === null) {
        setMarkdown(null);
        setOutcome({
          kind: "info",
          title: "No assessment yet",
          text: "Build the assessment first; the report summarises its scores and gaps.",
        });
      } else {
        setMarkdown(result.value);
      }
    } else if (result.status === "failed") {
      setOutcome({ kind: "error", error: result.error });
    }
  }, [actions, run]);

  const download = React.useCallback(
    async (format: ReportFormat) => {
      setOutcome(null);
      const result = await run("report", async () =>
        (await actions.hasAssessment()) ? actions.reportFile(format) : null
      );
      if (result.status === "done") {
        if (result.value === null)
          setOutcome({
            kind: "info",
            title: "No assessment yet",
            text: "Build the assessment first; the report summarises its scores and gaps.",
          });
        else {
          downloadBlob(result.value, reportFileName(new Date(), format));
          setOutcome({
            kind: "success",
            title: format === "html" ? "HTML report downloaded" : "Word report downloaded",
            text: `Saved as ${reportFileName(new Date(), format)} in your downloads.`,
          });
        }
      } else if (result.status === "failed") {
        setOutcome({ kind: "error", error: result.error });
      }
    },
    [actions, run]
  );

  const copy = React.useCallback(async () => {
    if (markdown === null) return;
    setCopyOutcome(null);
    setCopied(false);
    const ok = await copyText(markdown, {
      clipboard: typeof navigator !== "undefined" ? navigator.clipboard : null,
      copySelection: () => {
        const area = textRef.current;
        if (!area) return false;
        area.focus();
        area.select();
        return typeof document.execCommand === "function" && document.execCommand("copy");
      },
    });
    if (ok) setCopied(true);
    else {
      // Leave the text selected so Ctrl+C works straight away.
      textRef.current?.focus();
      textRef.current?.select();
      setCopyOutcome(NOT_COPIED);
    }
  }, [markdown]);

  return (
    <Section
      id="report"
      title="Executive report"
      description="A summary for leadership or an auditor: scores, readiness, top gaps, overdue actions, missing documents — as Markdown to paste, an HTML page with charts (prints to PDF) or a Word document. Nothing in the workbook changes."
      busy={reading}
    >
      <div className={styles.buttons}>
        <Button onClick={create} disabledFocusable={busy !== null}>
          {markdown === null ? "Create report" : "Create again"}
        </Button>
        <Button onClick={() => void download("html")} disabledFocusable={busy !== null}>
          Download HTML
        </Button>
        <Button onClick={() => void download("docx")} disabledFocusable={busy !== null}>
          Download Word
        </Button>
      </div>
      {reading ? <BusyBar label="Reading the workbook…" /> : null}
      <ResultMessage action="report" outcome={outcome} onDismiss={() => setOutcome(null)} />
      {markdown !== null ? (
        <>
          <div className={styles.field}>
            <label htmlFor="report-text" className={shared.label}>
              Executive summary (Markdown)
            </label>
            <textarea
              id="report-text"
              ref={textRef}
              className={mergeClasses(shared.select, styles.text)}
              value={markdown}
              readOnly
              spellCheck={false}
              rows={12}
              data-testid="report-text"
            />
          </div>
          <div className={styles.buttons}>
            <Button onClick={copy}>Copy</Button>
            {url ? (
              <a
                className={styles.link}
                href={url}
                download={reportFileName()}
                data-testid="report-download"
              >
                Download .md
              </a>
            ) : null}
          </div>
          <span
            className={shared.progressLabel}
            role="status"
            aria-live="polite"
            data-testid="report-copy-status"
          >
            {copied ? "Copied to the clipboard." : ""}
          </span>
          <ResultMessage
            action="copy"
            outcome={copyOutcome}
            onDismiss={() => setCopyOutcome(null)}
          />
        </>
      ) : null}
    </Section>
  );
}
