import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Args, CallName, Results } from '../../shared/api/contract';
import { invoke } from '../../electron/backend/dispatch';
import type { Session } from '../../electron/backend/session';
import { newProjectSession } from '../helpers/session';

/** A document row as the importer would leave it (the documents domain is another engineer's). */
export function addDocument(db: Database.Database, title: string, text: string): number {
  const row = db
    .prepare(
      `INSERT INTO documents (title, kind, file_name, format, content_hash, text, word_count, imported_at)
       VALUES (?, 'interview', ?, 'txt', ?, ?, ?, ?) RETURNING id`,
    )
    .get(
      title,
      `${title}.txt`,
      createHash('sha256').update(text).digest('hex'),
      text,
      text.split(/\s+/).filter(Boolean).length,
      new Date().toISOString(),
    ) as { id: number };
  return row.id;
}

export interface Study {
  session: Session;
  file: string;
  db(): Database.Database;
  call<N extends CallName>(name: N, args: Args<N>): Promise<Results[N]>;
  /** Closes the project and opens the file again, as a restart of the app would. */
  reopen(): Promise<void>;
  /** Rows that undo must restore exactly. */
  snapshot(): Record<string, unknown[]>;
}

export async function newStudy(coder = 'tester'): Promise<Study> {
  const { session, file } = await newProjectSession(coder);
  const study: Study = {
    session,
    file,
    db: () => session.requireProject().db,
    call: (name, args) => invoke(session, name, args),
    async reopen() {
      session.close();
      await invoke(session, 'project.open', { path: file });
    },
    snapshot() {
      const db = session.requireProject().db;
      const all = (sql: string) => db.prepare(sql).all();
      return {
        codes: all('SELECT * FROM codes ORDER BY id'),
        groups: all('SELECT * FROM code_groups ORDER BY id'),
        members: all('SELECT * FROM code_group_members ORDER BY group_id, code_id'),
        segments: all('SELECT * FROM segments ORDER BY id'),
        memos: all('SELECT * FROM memos ORDER BY id'),
      };
    },
  };
  return study;
}

export const TRANSCRIPT =
  'Interviewer: Why did you contact NATO?\n' +
  'Respondent: We needed access to the PRT briefings, and our donors wanted it too.\n' +
  'Respondent: Later we ran joint training on protection of civilians.\n';

/** UTF-16 span of the first occurrence of `words` in `text`. */
export function spanOf(text: string, words: string): { startUtf16: number; endUtf16: number } {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  return { startUtf16: start, endUtf16: start + words.length };
}
