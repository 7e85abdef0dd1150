import type { Command } from '../command';

export const exportCommands: Command[] = [];
