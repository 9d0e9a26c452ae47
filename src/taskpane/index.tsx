// Task pane entry: waits for Office, then renders the app (or the "open in Excel" state).
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { TaskPane } from "./components/TaskPane";
import { createOfficeActions } from "./officeActions";
import { officeFluentTheme } from "./theme";

function render(inExcel: boolean): void {
  const root = document.getElementById("root");
  if (!root) return;
  createRoot(root).render(
    <App theme={officeFluentTheme()} inExcel={inExcel}>
      {inExcel ? <TaskPane actions={createOfficeActions()} /> : null}
    </App>
  );
}

if (typeof Office === "undefined") {
  render(false);
} else {
  Office.onReady((info) => render(info.host === Office.HostType.Excel));
}
