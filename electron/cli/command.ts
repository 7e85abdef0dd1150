import type { Output } from './output';
import type { Session } from '../backend/session';

export interface CommandContext {
  session: Session;
  out: Output;
  /** Arguments after the command name (the project FILE first, for most commands). */
  argv: string[];
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  run(context: CommandContext): Promise<void>;
}
