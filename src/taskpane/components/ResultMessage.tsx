// The result of an action as a MessageBar: success or information, or an error with what to do next.
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
} from "@fluentui/react-components";
import type { ErrorText } from "../present";

const useStyles = makeStyles({
  /** The message takes the pane's width; the text runs up to a dismiss button only as wide as
   *  its ✕ (a small Button's 64 px minimum would leave a blank column beside the text). */
  bar: { width: "100%", boxSizing: "border-box" },
  dismiss: { minWidth: "24px", paddingLeft: "4px", paddingRight: "4px" },
});

export type Outcome =
  | { kind: "success" | "info" | "warning"; title: string; text?: React.ReactNode }
  | { kind: "error"; error: ErrorText };

export interface ResultMessageProps {
  outcome: Outcome | null;
  onDismiss?: () => void;
  /** Names the action in the dismiss button's label ("Dismiss check result"). */
  action: string;
}

export function ResultMessage({
  outcome,
  onDismiss,
  action,
}: ResultMessageProps): React.JSX.Element | null {
  const styles = useStyles();
  if (!outcome) return null;
  const dismiss = onDismiss ? (
    <MessageBarActions
      containerAction={
        <Button
          appearance="transparent"
          size="small"
          className={styles.dismiss}
          aria-label={`Dismiss ${action} message`}
          onClick={onDismiss}
        >
          ✕
        </Button>
      }
    />
  ) : null;
  if (outcome.kind === "error") {
    return (
      <MessageBar
        intent="error"
        layout="multiline"
        className={styles.bar}
        politeness="assertive"
        data-testid={`${action}-error`}
      >
        <MessageBarBody>
          <MessageBarTitle>{outcome.error.message}</MessageBarTitle>
          <div>
            <strong>What to do:</strong> {outcome.error.hint}
          </div>
        </MessageBarBody>
        {dismiss}
      </MessageBar>
    );
  }
  return (
    <MessageBar
      intent={outcome.kind}
      layout="multiline"
      className={styles.bar}
      politeness="polite"
      data-testid={`${action}-result`}
    >
      <MessageBarBody>
        <MessageBarTitle>{outcome.title}</MessageBarTitle>
        {outcome.text ? <div>{outcome.text}</div> : null}
      </MessageBarBody>
      {dismiss}
    </MessageBar>
  );
}
