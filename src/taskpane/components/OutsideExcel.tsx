// Shown when the page is opened outside Excel: says where to open it instead of failing.
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export function OutsideExcel(): React.JSX.Element {
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        <MessageBarTitle>Open this in Excel</MessageBarTitle>
        This page is the task pane of an Excel add-in. In Excel, choose Home → Gap Assessment.
        Without Excel, use the command line: <code>npm run cli -- build --out assessment.xlsx</code>
        .
      </MessageBarBody>
    </MessageBar>
  );
}
