// The module graph of src/: dependencies point inwards only (GUIDE.md, Architecture) and there is
// no import circle. Layers, innermost first; a module may import its own layer or an inner one.
import * as fs from "fs";
import * as path from "path";

const SRC = path.resolve(__dirname, "../src");

const LAYERS: { name: string; matches: (file: string) => boolean }[] = [
  { name: "catalog", matches: (f) => f.startsWith("catalog/") },
  {
    name: "core vocabulary",
    matches: (f) =>
      f.startsWith("core/") && !f.slice("core/".length).includes("/") && !VERBS.has(f),
  },
  { name: "core/read", matches: (f) => f.startsWith("core/read/") },
  {
    name: "core verbs",
    matches: (f) =>
      VERBS.has(f) ||
      f.startsWith("core/adopt/") ||
      f.startsWith("core/validate/") ||
      f.startsWith("core/report/") ||
      f.startsWith("core/compare/"),
  },
  { name: "core/layout", matches: (f) => f.startsWith("core/layout/") },
  { name: "adapters", matches: (f) => f.startsWith("excel/") || f.startsWith("xlsx/") },
  {
    name: "entry points",
    matches: (f) => f.startsWith("cli/") || f.startsWith("taskpane/") || f.startsWith("commands/"),
  },
];
/** Core modules that do one job over the workbook (not vocabulary the others share). */
const VERBS = new Set(
  ["history", "overview", "readiness", "remediation", "report"].map((v) => `core/${v}.ts`)
);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [path.relative(SRC, full).split(path.sep).join("/")] : [];
  });
}

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = path.join(path.dirname(path.join(SRC, from)), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate)) return path.relative(SRC, candidate).split(path.sep).join("/");
  }
  return null;
}

const FILES = sourceFiles(SRC);
const IMPORTS = new Map(
  FILES.map((file) => {
    const text = fs.readFileSync(path.join(SRC, file), "utf8");
    const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((m) => m[1]);
    return [file, specs.map((s) => resolve(file, s)).filter((t): t is string => t !== null)];
  })
);

const layerOf = (file: string): number => LAYERS.findIndex((l) => l.matches(file));

describe("module graph", () => {
  it("puts every source file in a layer", () => {
    expect(FILES.filter((f) => layerOf(f) < 0)).toEqual([]);
    expect(FILES.length).toBeGreaterThan(100);
  });

  it("has no import running outwards (core never imports an adapter, read never imports layout)", () => {
    const upward = [...IMPORTS].flatMap(([file, targets]) =>
      targets
        .filter((t) => layerOf(t) > layerOf(file))
        .map((t) => `${file} (${LAYERS[layerOf(file)].name}) → ${t} (${LAYERS[layerOf(t)].name})`)
    );
    expect(upward).toEqual([]);
  });

  it("keeps the adapters apart, and the task pane's components off Office.js code", () => {
    const crossing = [...IMPORTS].flatMap(([file, targets]) =>
      targets
        .filter(
          (t) =>
            (file.startsWith("excel/") && t.startsWith("xlsx/")) ||
            (file.startsWith("xlsx/") && t.startsWith("excel/")) ||
            (file.startsWith("taskpane/") &&
              file !== "taskpane/officeActions.ts" &&
              t.startsWith("excel/"))
        )
        .map((t) => `${file} → ${t}`)
    );
    expect(crossing).toEqual([]);
  });

  it("has no import circle", () => {
    const circles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, "open");
      stack.push(file);
      for (const next of IMPORTS.get(file) ?? []) {
        if (state.get(next) === "open")
          circles.push([...stack.slice(stack.indexOf(next)), next].join(" → "));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, "done");
    };
    for (const file of FILES) if (!state.has(file)) visit(file);
    expect(circles).toEqual([]);
  });
});
