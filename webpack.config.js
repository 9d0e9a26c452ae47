/* Webpack: the task pane and the ribbon commands, served over https://localhost:3000 in
   development; in production built into dist/ with the manifest's localhost URLs rewritten. */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const webpack = require("webpack");

const devUrl = "https://localhost:3000";
// Where the production add-in is hosted; override with ADDIN_URL=https://example.com/gap-assessor
const prodUrl = (process.env.ADDIN_URL || "https://gap-assessor.example.com").replace(/\/+$/, "");

async function httpsOptions() {
  // office-addin-dev-certs makes (once) a localhost certificate trusted by Office.
  const devCerts = require("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const serving = process.argv.some((a) => a === "serve");
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // The .xlsx reader (src/xlsx) also runs in the pane, in a chunk loaded on first use: it
      // names part paths with path/posix (a small twin here) and never touches the file system
      // when handed bytes.
      alias: { "path/posix": path.resolve(__dirname, "src/taskpane/browser/pathPosix.ts") },
      fallback: { fs: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.build.json" } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      // Buffer for the .xlsx reader's chunk only (webpack adds it where a module uses it).
      new webpack.ProvidePlugin({ Buffer: ["buffer", "Buffer"] }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return dev ? content : content.toString().split(devUrl).join(prodUrl);
            },
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await httpsOptions() },
          port: Number(process.env.npm_package_config_dev_server_port || 3000),
        }
      : undefined,
  };
};
