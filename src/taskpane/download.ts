// Saves a Blob as a file the way browsers (and Office's task pane web views) allow from script:
// an object URL on a temporary `<a download>` that is clicked, then released.

/** Starts the download of `blob` as `fileName`. */
export function downloadBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const anchor = doc.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = "noopener";
  anchor.style.display = "none";
  doc.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Released once the browser has taken the file (the click starts it asynchronously).
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
