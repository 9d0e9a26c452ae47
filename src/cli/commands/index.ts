// Every CLI command, in the order --help lists them.
import type { CliCommand } from "../command";
import { buildCommand } from "./build";
import { catalogCommand } from "./catalog";
import { compareCommand } from "./compare";
import { importCommand } from "./import";
import { mergeCommand } from "./merge";
import { planCommand } from "./plan";
import { reportCommand } from "./report";
import { snapshotCommand } from "./snapshot";
import { validateCommand } from "./validate";

export const COMMANDS: CliCommand[] = [
  buildCommand,
  validateCommand,
  planCommand,
  snapshotCommand,
  reportCommand,
  importCommand,
  compareCommand,
  mergeCommand,
  catalogCommand,
];
