import type { Command } from '../command';

export const documentsCommands: Command[] = [];
