import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import { Session } from '../../electron/backend/session';
import { projectCommands } from '../../electron/cli/commands/project';
import { newProjectSession, trackSession } from '../helpers/session';
import { addDocs } from '../search/corpus';

async function info(file: string, json = false): Promise<string> {
  const command = projectCommands.find((c) => c.name === 'info')!;
  const session = trackSession(new Session('cli', { coder: 'tester' }));
  let printed = '';
  await command.run({
    session,
    argv: [file],
    out: { json, print: (value, human) => (printed += json ? JSON.stringify(value) : human()) },
  });
  session.close();
  return printed;
}

describe('passage info', () => {
  it('counts memos written on segments as memos too', async () => {
    const { session, file } = await newProjectSession('tester');
    const [doc] = addDocs(session.requireProject().db, ['We needed the NGOs for legitimacy and trust.']);
    const code = await invoke(session, 'codes.create', { name: 'Legitimacy' });
    await invoke(session, 'segments.apply', {
      documentId: doc!,
      codeId: code.id,
      startUtf16: 0,
      endUtf16: 9,
      memo: 'key quote',
    });
    await invoke(session, 'segments.apply', {
      documentId: doc!,
      codeId: code.id,
      startUtf16: 14,
      endUtf16: 18,
      memo: 'NGOs',
    });
    await invoke(session, 'segments.apply', {
      documentId: doc!,
      codeId: code.id,
      startUtf16: 37,
      endUtf16: 42,
    });
    await invoke(session, 'memos.create', { body: 'Why NATO worked with NGOs' });
    session.close();
    const text = await info(file);
    expect(text).toContain('memos: 3 (2 on segments)');
    expect(text).toContain('segments: 3');
    const json = JSON.parse(await info(file, true)) as { counts: { memos: number; memosOnSegments: number } };
    expect(json.counts).toMatchObject({ memos: 3, memosOnSegments: 2 });
  });
});
