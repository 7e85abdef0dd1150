import { describe, expect, it } from 'vitest';
import { documentHits, requireQuery } from '../../electron/store/search';
import { expandWordForms } from '../../electron/store/wordForms';
import { addDocument, newStudy } from '../coding/fixture';

const TEXTS = [
  'The NGOs and one NGO met the military. Organisations organised, organizing the organization of relief.',
  'Civilian protection mattered: civilians protected, protecting civilians, the protection of civilians.',
  'Legitimacy and legitimate partners; the legitimacy gap. Cooperation, cooperating, cooperated, co-operation.',
  'Happy, happiness, happily — Généralement les ONG. Studies studied studying; relational relations related.',
];
const QUERIES = [
  'NGO',
  'organization',
  'civilian protection',
  '"protection of civilians"',
  'legitimacy OR cooperation',
  'happy',
  'study',
  'relational',
];

describe('word forms found in JS agree with what FTS5 marks', () => {
  it('finds the same hits as highlight() over the stemmed index, for every query and document', async () => {
    const study = await newStudy();
    const db = study.db();
    const ids = TEXTS.map((text, i) => addDocument(db, `Doc ${i + 1}`, text));
    for (const query of QUERIES) {
      const expanded = requireQuery(query, true);
      expect(expandWordForms(db, expanded.terms), query).not.toBeNull();
      for (const [i, id] of ids.entries()) {
        const marked = requireQuery(query, true);
        marked.forms = null; // highlight() only
        const byForms = documentHits(db, id, TEXTS[i]!, expanded);
        const byIndex = documentHits(db, id, TEXTS[i]!, marked);
        expect(byForms, `${query} in document ${i + 1}`).toEqual(byIndex);
      }
    }
  });

  it('reads a prefix query in the exact words (over stems, cooperat* would miss cooperation)', () => {
    expect(requireQuery('cooperat*', true).stemming).toBe(false);
    expect(requireQuery('NGO cooperat*', true).stemming).toBe(false);
    expect(requireQuery('NGO', true).stemming).toBe(true);
  });

  it('expands a word to the corpus’s words with its stem, and gives up on a phrase with too many forms', async () => {
    const study = await newStudy();
    const db = study.db();
    addDocument(db, 'A', 'NGO NGOs ngo. Organs organisation organization organize organs.');
    const forms = (q: string) =>
      expandWordForms(db, requireQuery(q, true).terms)
        ?.map((t) => t.tokens.join(' '))
        .sort();
    expect(forms('NGO')).toEqual(['ngo', 'ngos']);
    // SQLite's Porter stemmer decides: British "-isation" keeps its own stem.
    expect(forms('organization')).toEqual(['organization', 'organize', 'organs']);
    const many = Array.from({ length: 8 }, (_, i) => `w${i} w${i}s w${i}ing`).join(' ');
    addDocument(db, 'B', many);
    expect(expandWordForms(db, requireQuery(`"w0 w1 w2 w3 w4 w5 w6"`, true).terms)).toBeNull();
  });
});
