import { describe, expect, it } from 'vitest';
import {
  addDocumentsToGroup,
  ensureGroup,
  getGroup,
  groupDocumentIds,
} from '../../electron/store/documentGroups';
import { newProjectSession } from '../helpers/session';
import { addDocs } from './corpus';

describe('document groups store', () => {
  it('ensureGroup creates once and returns the same id, case-insensitively', async () => {
    const { session } = await newProjectSession();
    const { db } = session.requireProject();
    const a = ensureGroup(db, 'Press releases');
    const b = ensureGroup(db, '  press RELEASES ');
    expect(b).toBe(a);
    expect(getGroup(db, a).name).toBe('Press releases');
  });

  it('works inside a caller transaction and rolls back with it', async () => {
    const { session } = await newProjectSession();
    const { db } = session.requireProject();
    const [d1, d2] = addDocs(db, ['alpha', 'beta']);
    const importLike = db.transaction((fail: boolean) => {
      const g = ensureGroup(db, 'Imported');
      addDocumentsToGroup(db, g, [d1!, d2!, d1!]);
      if (fail) throw new Error('cancelled');
      return g;
    });
    expect(() => importLike(true)).toThrow('cancelled');
    expect(db.prepare('SELECT count(*) AS n FROM document_groups').get()).toEqual({ n: 0 });
    const g = importLike(false);
    expect(groupDocumentIds(db, g)).toEqual([d1, d2]);
    expect(getGroup(db, g).documentCount).toBe(2);
  });

  it('unknown documents fail before anything is written', async () => {
    const { session } = await newProjectSession();
    const { db } = session.requireProject();
    const [d1] = addDocs(db, ['alpha']);
    const g = ensureGroup(db, 'G');
    expect(() => addDocumentsToGroup(db, g, [d1!, 999])).toThrow('document 999 does not exist');
    expect(groupDocumentIds(db, g)).toEqual([]);
  });
});
