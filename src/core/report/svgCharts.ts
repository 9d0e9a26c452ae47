// Inline SVG charts for the HTML report: plain <svg> markup with no script, no external reference
// and no xmlns URL (inline SVG in HTML needs none), so the report stays one self-contained file.
// Every label goes through escapeHtml, into element text only (never an attribute); the accessible
// name is the <title>. Pure string building.
import { escapeHtml } from "../escape";
import { oneDecimal } from "../report";

export const STATUS_COLOURS: Record<string, string> = {
  Compliant: "#2e7d32",
  "Partially Compliant": "#f2a900",
  "Non-Compliant": "#c62828",
  "Not Applicable": "#9e9e9e",
  "Not Assessed": "#d6dde3",
};

const FONT = 'font-family="Segoe UI, Helvetica, Arial, sans-serif"';

function svgOpen(width: number, height: number, label: string, cls: string): string {
  return `<svg class="chart ${cls}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" ${FONT} font-size="12"><title>${escapeHtml(label)}</title>`;
}

const pct = (v: number): string => `${oneDecimal(v * 100)}%`;

/** Colour of a compliance bar: red below 50%, amber below 80%, green from 80%. */
function scoreColour(v: number): string {
  return v < 0.5 ? "#c62828" : v < 0.8 ? "#f2a900" : "#2e7d32";
}

/** Horizontal bars, one per item, 0–100%; an item with no value reads "not assessed". */
export function complianceBarChart(
  items: { label: string; value: number | null }[],
  title: string
): string {
  const labelW = 230;
  const barW = 360;
  const rowH = 24;
  const top = 24;
  const width = labelW + barW + 70;
  const height = top + items.length * rowH + 24;
  const out = [svgOpen(width, height, title, "bars")];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const x = labelW + tick * barW;
    out.push(
      `<line x1="${x}" y1="${top - 6}" x2="${x}" y2="${top + items.length * rowH}" stroke="#ccc" stroke-width="1"/>`,
      `<text x="${x}" y="${top - 10}" text-anchor="middle" fill="#555" font-size="10">${tick * 100}%</text>`
    );
  }
  items.forEach((item, i) => {
    const y = top + i * rowH;
    out.push(
      `<text x="${labelW - 8}" y="${y + 16}" text-anchor="end" fill="#222">${escapeHtml(item.label)}</text>`
    );
    if (item.value === null) {
      out.push(
        `<text x="${labelW + 6}" y="${y + 16}" fill="#777" font-style="italic">not assessed</text>`
      );
      return;
    }
    const w = Math.max(0, Math.min(1, item.value)) * barW;
    out.push(
      `<rect x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${scoreColour(item.value)}"/>`,
      `<text x="${(labelW + w + 6).toFixed(1)}" y="${y + 16}" fill="#222">${pct(item.value)}</text>`
    );
  });
  out.push("</svg>");
  return out.join("");
}

/** One stacked bar of status counts with a legend beneath. */
export function statusMixChart(mix: { status: string; count: number }[], title: string): string {
  const width = 660;
  const barW = 640;
  const total = mix.reduce((n, m) => n + m.count, 0);
  const legendRows = Math.ceil(mix.length / 3);
  const height = 50 + legendRows * 20;
  const out = [svgOpen(width, height, title, "mix")];
  let x = 10;
  for (const m of mix) {
    if (total === 0 || m.count === 0) continue;
    const w = (m.count / total) * barW;
    out.push(
      `<rect x="${x.toFixed(1)}" y="8" width="${w.toFixed(1)}" height="28" fill="${STATUS_COLOURS[m.status] ?? "#888"}"/>`
    );
    if (w > 28)
      out.push(
        `<text x="${(x + w / 2).toFixed(1)}" y="27" text-anchor="middle" fill="${m.status === "Not Assessed" ? "#222" : "#fff"}">${m.count}</text>`
      );
    x += w;
  }
  if (total === 0) out.push(`<rect x="10" y="8" width="${barW}" height="28" fill="#eee"/>`);
  mix.forEach((m, i) => {
    const lx = 10 + (i % 3) * 215;
    const ly = 50 + Math.floor(i / 3) * 20;
    out.push(
      `<rect x="${lx}" y="${ly}" width="12" height="12" fill="${STATUS_COLOURS[m.status] ?? "#888"}"/>`,
      `<text x="${lx + 18}" y="${ly + 10}" fill="#222">${escapeHtml(m.status)}: ${m.count}</text>`
    );
  });
  out.push("</svg>");
  return out.join("");
}

/** Overall compliance over time: points joined by a line, the last (today) drawn hollow. */
export function trendChart(
  points: { date: string; overall: number | null; current: boolean }[],
  title: string
): string {
  const width = 660;
  const height = 220;
  const left = 48;
  const right = 20;
  const top = 16;
  const bottom = 44;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const out = [svgOpen(width, height, title, "trend")];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const y = top + (1 - tick) * plotH;
    out.push(
      `<line x1="${left}" y1="${y}" x2="${width - right}" y2="${y}" stroke="#ddd"/>`,
      `<text x="${left - 6}" y="${y + 4}" text-anchor="end" fill="#555" font-size="10">${tick * 100}%</text>`
    );
  }
  const n = points.length;
  const xOf = (i: number): number => left + (n <= 1 ? plotW / 2 : (i / (n - 1)) * plotW);
  const yOf = (v: number): number => top + (1 - Math.max(0, Math.min(1, v))) * plotH;
  const known = points.map((p, i) => ({ ...p, i })).filter((p) => p.overall !== null);
  if (known.length > 1)
    out.push(
      `<polyline fill="none" stroke="#1f5fa8" stroke-width="2" points="${known
        .map((p) => `${xOf(p.i).toFixed(1)},${yOf(p.overall as number).toFixed(1)}`)
        .join(" ")}"/>`
    );
  // Label at most ~8 dates so they never overlap.
  const step = Math.max(1, Math.ceil(n / 8));
  points.forEach((p, i) => {
    const x = xOf(i);
    if (p.overall !== null) {
      const y = yOf(p.overall);
      out.push(
        `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="4" fill="${p.current ? "#fff" : "#1f5fa8"}" stroke="#1f5fa8" stroke-width="2"/>`
      );
      if (i % step === 0 || i === n - 1)
        out.push(
          `<text x="${x.toFixed(1)}" y="${(y - 8).toFixed(1)}" text-anchor="middle" fill="#1f5fa8" font-size="10">${pct(p.overall)}</text>`
        );
    }
    if (i % step === 0 || i === n - 1)
      out.push(
        `<text x="${x.toFixed(1)}" y="${height - bottom + 16}" text-anchor="${n > 1 && i === n - 1 ? "end" : n > 1 && i === 0 ? "start" : "middle"}" fill="#555" font-size="10">${escapeHtml(p.date)}${p.current ? " (now)" : ""}</text>`
      );
  });
  out.push("</svg>");
  return out.join("");
}
