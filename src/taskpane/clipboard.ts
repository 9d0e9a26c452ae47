// Copying text from the task pane. The async Clipboard API where the host allows it (Office on the
// web can deny it to the add-in's frame), else the selection-based copy command older WebViews
// still honour. No React: unit-tested in node; the caller says what to do when neither works.

export interface ClipboardHost {
  /** navigator.clipboard, when the browser has it. */
  clipboard?: { writeText(text: string): Promise<void> } | null;
  /** Selects the text on the page and runs the browser's copy command; true when it copied. */
  copySelection?: () => boolean;
}

/** True when the text reached the clipboard. Never throws. */
export async function copyText(text: string, host: ClipboardHost): Promise<boolean> {
  if (host.clipboard && typeof host.clipboard.writeText === "function") {
    try {
      await host.clipboard.writeText(text);
      return true;
    } catch {
      // Permission denied or no user activation: try the copy command instead.
    }
  }
  try {
    return host.copySelection?.() === true;
  } catch {
    return false;
  }
}
