import type { Command } from '../command';

export const reportsCommands: Command[] = [];
