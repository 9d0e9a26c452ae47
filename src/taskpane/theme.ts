// Picks the Fluent theme that matches the Office theme (light or dark).
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** Relative luminance test on Office's body background colour ("#1f1f1f" is dark). */
export function isDarkColor(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{6})$/i.exec((hex ?? "").trim());
  if (!m) return false;
  const n = parseInt(m[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

export function officeFluentTheme(): Theme {
  const background =
    typeof Office !== "undefined" ? Office.context?.officeTheme?.bodyBackgroundColor : undefined;
  return isDarkColor(background) ? webDarkTheme : webLightTheme;
}
