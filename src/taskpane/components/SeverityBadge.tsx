// Severity of a validation problem: an icon plus the word, never colour alone.
import * as React from "react";
import type { Severity } from "../../core/validate/validate";
import { Pill, type PillColor } from "./Pill";

const LOOK: Record<Severity, { color: PillColor; label: string; path: string }> = {
  // Circle with a cross, triangle with a bar, circle with an "i"; 16 px viewBox.
  error: {
    color: "danger",
    label: "error",
    path: "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zM10.8 6.2 9 8l1.8 1.8-1 1L8 9l-1.8 1.8-1-1L7 8 5.2 6.2l1-1L8 7l1.8-1.8z",
  },
  warning: {
    color: "warning",
    label: "warning",
    path: "M8 1.5 15 14H1L8 1.5zm-.7 4.5v4h1.4V6H7.3zm0 5v1.4h1.4V11H7.3z",
  },
  info: {
    color: "informative",
    label: "note",
    path: "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm-.7 3.5h1.4v1.4H7.3V4.5zm0 2.8h1.4v4.2H7.3V7.3z",
  },
};

export function SeverityIcon({ severity }: { severity: Severity }): React.JSX.Element {
  return (
    <svg
      width="12"
      height="12"
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      style={{ flexShrink: 0 }}
    >
      <path fill="currentColor" fillRule="evenodd" d={LOOK[severity].path} />
    </svg>
  );
}

/** "3 errors" with the severity's icon and colour. */
export function SeverityBadge({
  severity,
  count,
}: {
  severity: Severity;
  count: number;
}): React.JSX.Element {
  const look = LOOK[severity];
  return (
    <Pill
      color={look.color}
      icon={<SeverityIcon severity={severity} />}
      data-testid={`count-${severity}`}
    >
      {count.toLocaleString("en-US")} {look.label}
      {count === 1 ? "" : "s"}
    </Pill>
  );
}
