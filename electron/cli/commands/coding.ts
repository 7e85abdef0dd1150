import type { Command } from '../command';

export const codingCommands: Command[] = [];
