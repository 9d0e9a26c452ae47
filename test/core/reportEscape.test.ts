// core/report with hostile cell text: every value from the workbook comes out inert in the
// Markdown (no link, image, raw HTML, table break or control character), our own syntax intact.
import { SHEETS } from "../../src/core/contract";
import { emptyInputs, type RowInputs } from "../../src/core/inputs";
import { layoutWorkbook } from "../../src/core/layout/workbook";
import { executiveReport } from "../../src/core/report";
import { emptyAudit } from "../../src/core/read/audit";
import { planToSnapshots } from "../support/planSnapshots";

const TODAY = 46100;
const ESC = "\u001b";
const SCRIPT = "<script>alert(1)</script>";
const IMG = '<img src=x onerror="alert(1)">';
const LINK = "[click](javascript:alert(1))";
const REMOTE = "![](http://evil.example/pixel.png)";

function hostileWorkbook() {
  const inputs = emptyInputs();
  inputs.annexA.set("8.8", {
    Status: "Non-Compliant",
    Likelihood: 5,
    Impact: 5,
    Owner: `${IMG} ${ESC}[31mred${ESC}[0m`,
  });
  const audit = emptyAudit();
  audit.documents.rows = [{ ID: "isms-scope", Document: `Scope ${REMOTE}`, Exists: "No" }];
  const plan = {
    rows: <RowInputs[]>[
      {
        ID: "8.8",
        Source: SHEETS.annexA,
        Title: `${LINK} | fake | cells`,
        Action: `${SCRIPT}\n## Injected heading`,
        Owner: "ops@evil.example",
        Due: TODAY - 10,
        Progress: "https://evil.example/phish",
      },
    ],
    extraColumns: [],
  };
  return planToSnapshots(
    layoutWorkbook({
      org: `Acme ${SCRIPT}`,
      start: 46000,
      inputs,
      audit,
      plan,
      settings: new Map([["scope", `www.evil.example ${ESC}]8;;http://evil.example${ESC}\\x`]]),
    })
  );
}

describe("executiveReport escapes cell text", () => {
  const md = executiveReport(hostileWorkbook(), { today: TODAY });

  it("writes no raw HTML, link, image or autolink from a cell", () => {
    expect(md).not.toMatch(/<\/?(script|img|a)\b/i);
    // No [text](url) or ![](url) anywhere (this report creates no links of its own).
    expect(md).not.toMatch(/(^|[^\\])\]\(/m);
    expect(md).not.toMatch(/!\[/);
    expect(md).not.toMatch(/(https?|ftp|mailto|xmpp):/i); // what GFM would autolink
    expect(md).not.toMatch(/\bwww\./);
    expect(md).toContain("Acme &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(md).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(md).toContain("\\[click\\](javascript:alert(1)) \\| fake \\| cells");
  });

  it("keeps each cell in its own table cell and on its own line", () => {
    const overdue = md.split("\n").filter((l) => l.startsWith("| 8.8 |"));
    expect(overdue).toHaveLength(1);
    // 7 columns: 8 unescaped pipes.
    expect(overdue[0].replace(/\\\|/g, "").match(/\|/g)).toHaveLength(8);
    expect(md).not.toMatch(/^## Injected heading/m);
  });

  it("lets no control character through", () => {
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
