import { describe, expect, it } from 'vitest';
import { dispatch, invoke } from '../../electron/backend/dispatch';
import { insertDocument } from '../../electron/store/documents';
import { name } from '../../shared/api/schemas';
import { planCsvAttributes } from '../../shared/text/csvAttributes';
import { titleFromFileName } from '../../shared/text/fileNames';
import { stripBidiControls } from '../../shared/text/names';
import { newProjectSession } from '../helpers/session';

const RLO = '\u202E';
const CONTROLS = [
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200E',
  '\u200F',
  '\u061C',
];

describe('stripBidiControls', () => {
  it('removes every direction control and nothing else', () => {
    for (const control of CONTROLS) expect(stripBidiControls(`Tr${control}ust`)).toBe('Trust');
    expect(stripBidiControls(`${RLO}fdp.exe`)).toBe('fdp.exe');
    // Right-to-left scripts, joiners and emoji are text, not controls.
    const text = 'ثقة · אמון · 👩\u200D🔬 · e\u0301 · a\u200Cb';
    expect(stripBidiControls(text)).toBe(text);
  });

  it('leaves the name schema to call a name of only controls empty', () => {
    expect(name.safeParse(` ${RLO}\u2066 `).error?.issues[0]?.message).toBe('name is empty');
    expect(name.parse(` ${RLO}Trust\u2069 `)).toBe('Trust');
  });

  it('strips attribute names taken from a CSV header', () => {
    const plan = planCsvAttributes(
      [
        ['file', `Region${RLO}`],
        ['a.txt', 'North'],
      ],
      [{ id: 1, fileName: 'a.txt', title: 'A' }],
    );
    expect(plan.columns.map((c) => c.name)).toEqual(['Region']);
  });

  it('strips imported titles, even when the file name is nothing but controls and an extension', () => {
    expect(titleFromFileName(`/tmp/Interview_${RLO}3cod.txt`)).toBe('Interview 3cod');
    expect(titleFromFileName(`${RLO}.txt`)).toBe('.txt');
  });
});

describe('names across the API', () => {
  it('stores code, group, attribute, participant, coder and document names without direction controls', async () => {
    const { session } = await newProjectSession();
    const tricky = `Legit${RLO}ycamit\u202C`;
    const code = await invoke(session, 'codes.create', { name: tricky });
    expect(code.name).toBe('Legitycamit');
    const group = await invoke(session, 'codeGroups.create', { name: `\u2067Policy\u2069` });
    expect(group.name).toBe('Policy');
    const attribute = await invoke(session, 'attributes.define', { name: `Region\u200F`, type: 'text' });
    expect(attribute.name).toBe('Region');
    const participant = await invoke(session, 'sample.create', { label: `${RLO}P1` });
    expect(participant.label).toBe('P1');
    const coder = await invoke(session, 'coders.setCurrent', { name: `\u061CAmira` });
    expect(coder.name).toBe('Amira');
    const { db } = session.requireProject();
    const documentId = insertDocument(db, { title: 'Interview 1', text: 'Some words.' });
    const document = await invoke(session, 'documents.update', {
      id: documentId,
      title: `Interview ${RLO}1`,
    });
    expect(document.title).toBe('Interview 1');

    const empty = await dispatch(session, 'codes.create', { name: `${RLO}\u202C` });
    expect(empty.ok ? null : empty.error.code).toBe('invalid_argument');
    expect((await invoke(session, 'codes.list', {})).map((c) => c.name)).toEqual(['Legitycamit']);
  });
});
