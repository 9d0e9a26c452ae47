// Every CLI command, in the order --help lists them.
import type { CliCommand } from '../command';
import { catalogCommand } from './catalog';

export const COMMANDS: CliCommand[] = [catalogCommand];
