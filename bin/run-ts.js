#!/usr/bin/env node
// Runs a TypeScript entry file straight from source (tsx), so the CLI and bench need no build step.
require("tsx/cjs/api").register();
const entry = require("path").resolve(process.argv[2]);
const mod = require(entry);
if (typeof mod.main === "function") {
  Promise.resolve(mod.main(process.argv.slice(3))).then(
    (code) => {
      process.exitCode = typeof code === "number" ? code : 0;
    },
    (error) => {
      console.error(error instanceof Error ? error.stack : error);
      process.exitCode = 70;
    }
  );
}
