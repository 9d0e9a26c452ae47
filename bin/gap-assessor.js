#!/usr/bin/env node
// The gap-assessor command: runs src/cli/main.ts, compiled once into a cached file (./compiledCli)
// or, if that cannot be done (or GAP_ASSESSOR_FROM_SOURCE is set), from source through tsx.
const path = require("path");

function loadMain() {
  if (!process.env.GAP_ASSESSOR_FROM_SOURCE) {
    try {
      const { compiledCli } = require("./compiledCli");
      return require(compiledCli(path.join(__dirname, ".."))).main;
    } catch {
      // A read-only install or a compile error: tsx runs the sources (and reports the error).
    }
  }
  require("tsx/cjs/api").register();
  return require("../src/cli/main.ts").main;
}

loadMain()(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 70;
  }
);
