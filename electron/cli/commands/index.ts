import type { Command } from '../command';
import { codingCommands } from './coding';
import { demoCommands } from './demo';
import { documentsCommands } from './documents';
import { exportCommands } from './export';
import { projectCommands } from './project';
import { refiCommands } from './refi';
import { reportsCommands } from './reports';
import { sampleCommands } from './sample';
import { searchCommands } from './search';
import { teamCommands } from './team';
import { privacyCommands } from './privacy';

/** Every CLI command, by domain. */
export const commands: Command[] = [
  ...projectCommands,
  ...documentsCommands,
  ...searchCommands,
  ...codingCommands,
  ...sampleCommands,
  ...reportsCommands,
  ...exportCommands,
  ...refiCommands,
  ...teamCommands,
  ...privacyCommands,
  ...demoCommands,
];
