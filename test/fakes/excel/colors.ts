/** Colour input as Excel accepts it (#RRGGBB, #RGB or an HTML colour name), normalised to #RRGGBB. */
import { invalidArgument } from "./errors";

const NAMED: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  lime: "#00FF00",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  gray: "#808080",
  grey: "#808080",
  lightgray: "#D3D3D3",
  lightgrey: "#D3D3D3",
  darkgray: "#A9A9A9",
  darkgrey: "#A9A9A9",
  purple: "#800080",
  navy: "#000080",
  teal: "#008080",
  maroon: "#800000",
  olive: "#808000",
  silver: "#C0C0C0",
  aqua: "#00FFFF",
  cyan: "#00FFFF",
  fuchsia: "#FF00FF",
  magenta: "#FF00FF",
  pink: "#FFC0CB",
  brown: "#A52A2A",
  gold: "#FFD700",
  darkgreen: "#006400",
  darkred: "#8B0000",
  lightgreen: "#90EE90",
  lightblue: "#ADD8E6",
  lightyellow: "#FFFFE0",
};

export function normaliseColor(value: unknown, location?: string): string {
  if (typeof value !== "string")
    throw invalidArgument(`'${String(value)}' is not a colour.`, location);
  const v = value.trim();
  if (/^#[0-9a-fA-F]{6}$/.test(v)) return v.toUpperCase();
  if (/^#[0-9a-fA-F]{3}$/.test(v))
    return `#${v
      .slice(1)
      .split("")
      .map((c) => c + c)
      .join("")}`.toUpperCase();
  const named = NAMED[v.toLowerCase()];
  if (named) return named;
  throw invalidArgument(`'${value}' is not a colour.`, location);
}
