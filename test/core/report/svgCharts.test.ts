// The inline SVG charts of the HTML report: labels escaped, values clamped, nothing external.
import { complianceBarChart, statusMixChart, trendChart } from "../../../src/core/report/svgCharts";

const HOSTILE = `</text><script>alert(1)</script><a href="https://x.example">`;

describe("report SVG charts", () => {
  it("escapes every label and refers to nothing outside the page", () => {
    const svg = [
      complianceBarChart(
        [
          { label: HOSTILE, value: 0.625 },
          { label: "Not yet", value: null },
          { label: "Over", value: 1.7 },
        ],
        HOSTILE
      ),
      statusMixChart([{ status: HOSTILE, count: 2 }], "mix"),
      trendChart([{ date: HOSTILE, overall: 0.5, current: true }], "trend"),
    ].join("");
    expect(svg).not.toContain("<script");
    expect(svg).not.toMatch(/<[a-z][^<>]*\s(?:src|href|xlink:href)\s*=/i);
    expect(svg).toContain("&lt;/text&gt;&lt;script&gt;");
    expect(svg).toContain(">62.5%<");
    expect(svg).toContain("not assessed");
    // A value over 1 is drawn as a full bar (360 units), never past the axis.
    expect(svg).toContain('width="360.0"');
  });

  it("draws the trend as a line through each snapshot, today hollow", () => {
    const svg = trendChart(
      [
        { date: "2026-01-01", overall: 0.2, current: false },
        { date: "2026-02-01", overall: null, current: false },
        { date: "2026-03-01", overall: 0.45, current: true },
      ],
      "trend"
    );
    expect(svg).toMatch(/<polyline[^>]*points="[\d.]+,[\d.]+ [\d.]+,[\d.]+"/);
    expect(svg).toContain(">20.0%<");
    expect(svg).toContain(">45.0%<");
    expect(svg).toContain("2026-03-01 (now)");
    expect((svg.match(/<circle/g) ?? []).length).toBe(2);
    expect(svg).toContain('fill="#fff"');
  });
});
