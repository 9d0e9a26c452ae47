#!/usr/bin/env node
// The gap-assessor command: runs src/cli/main.ts from source through tsx.
require("tsx/cjs/api").register();
const { main } = require("../src/cli/main.ts");
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 70;
  }
);
