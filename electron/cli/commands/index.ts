import type { Command } from '../command';
import { projectCommands } from './project';

/** Every CLI command, by domain. */
export const commands: Command[] = [...projectCommands];
