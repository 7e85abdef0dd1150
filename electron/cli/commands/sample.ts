import type { Command } from '../command';

export const sampleCommands: Command[] = [];
