import type { Command } from '../command';

export const searchCommands: Command[] = [];
