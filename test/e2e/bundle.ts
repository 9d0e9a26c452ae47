// Builds what the e2e page loads: the production task pane (the project's own webpack config in
// production mode, only redirected to a temporary folder and type-checked elsewhere) and the
// fake-host bundle that stands in for office.js.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";

export const ROOT = path.resolve(__dirname, "..", "..");

type Config = webpack.Configuration & {
  module: { rules: Array<{ use?: { loader?: string; options?: Record<string, unknown> } }> };
};

function fastTsLoader(config: Config): void {
  // Type checking is `tsc --noEmit`'s job; transpiling alone keeps the bundle identical and the build fast.
  for (const rule of config.module.rules) {
    if (rule.use?.loader === "ts-loader")
      rule.use.options = { ...(rule.use.options ?? {}), transpileOnly: true };
  }
}

function cache(name: string): webpack.Configuration["cache"] {
  return {
    type: "filesystem",
    cacheDirectory: path.join(os.tmpdir(), "gap-assessor-webpack-cache"),
    name,
    buildDependencies: { config: [path.join(ROOT, "webpack.config.js")] },
  };
}

/** Production task pane + fake host into `outDir`; resolves with the gzipped-size-relevant file list. */
export async function buildE2EBundles(outDir: string): Promise<void> {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (
    env: unknown,
    argv: { mode: string }
  ) => Promise<Config>;
  const production = await makeConfig({}, { mode: "production" });
  production.context = ROOT;
  production.output = { ...production.output, path: outDir, clean: false };
  production.cache = cache("e2e-taskpane");
  production.infrastructureLogging = { level: "error" };
  fastTsLoader(production);

  const host: webpack.Configuration = {
    name: "fake-host",
    context: ROOT,
    mode: "development",
    devtool: false,
    target: "web",
    entry: { "fake-host": path.join(ROOT, "test/e2e/fakeHost.ts") },
    output: { path: outDir, filename: "[name].js", clean: false },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { configFile: "tsconfig.build.json", transpileOnly: true },
          },
        },
      ],
    },
    cache: cache("e2e-fake-host"),
    infrastructureLogging: { level: "error" },
  };

  const compiler = webpack([production, host]);
  await new Promise<void>((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return reject(error);
      if (stats?.hasErrors())
        return reject(new Error(stats.toString({ all: false, errors: true, errorDetails: true })));
      resolve();
    });
  });
}
