// Ribbon function file. The only ribbon button opens the task pane (ShowTaskpane in the
// manifest), so nothing is registered here yet; Office still needs the page to initialise.
Office.onReady(() => undefined);
