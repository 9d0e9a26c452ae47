import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { buildAssessmentFile } from "../../src/xlsx/build";

describe("gap-assessor validate --readiness", () => {
  it("adds the certification blockers as infos only when asked", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "gap-vr-")), "a.xlsx");
    await buildAssessmentFile({ out: file });
    const run = async (args: string[]) => {
      let out = "";
      const code = await main(["validate", file, "--json", ...args], {
        out: (t) => {
          out += t;
        },
        err: () => undefined,
      });
      return {
        code,
        report: JSON.parse(out) as {
          problems: { rule: string; severity: string; message: string }[];
        },
      };
    };
    const plain = await run([]);
    expect(plain.report.problems.some((p) => p.rule === "readiness-blocker")).toBe(false);
    const ready = await run(["--readiness"]);
    expect(ready.code).toBe(0); // blockers are information, not errors
    const blockers = ready.report.problems.filter((p) => p.rule === "readiness-blocker");
    expect(blockers.every((p) => p.severity === "info")).toBe(true);
    expect(
      blockers.some((p) =>
        /Stage 1 and 2 blocker: "ISMS scope statement" is missing/.test(p.message)
      )
    ).toBe(true);
    // 9.2.x and 9.3.x (five clauses) are needed by Stage 2 only: counted apart, each once.
    expect(
      blockers.some((p) => /Stage 1 and 2 blocker: 25 clauses not assessed/.test(p.message))
    ).toBe(true);
    expect(blockers.some((p) => /Stage 2 blocker: 5 clauses not assessed/.test(p.message))).toBe(
      true
    );
  });
});
