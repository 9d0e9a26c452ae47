// The disclosure arrow of a <details> summary (the native marker is hidden by flex layout).
import * as React from "react";

export function Chevron({ open }: { open: boolean }): React.JSX.Element {
  return (
    <svg
      width="10"
      height="10"
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      style={{
        flexShrink: 0,
        transform: open ? "rotate(90deg)" : undefined,
        transition: "transform 0.1s",
      }}
    >
      <path fill="currentColor" d="M5.2 2.3 10.9 8l-5.7 5.7-1.1-1.1L8.7 8 4.1 3.4z" />
    </svg>
  );
}
