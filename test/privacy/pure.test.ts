// The pure matching in shared/privacy: folding, one-edit distance, shapes, overlaps, rewriting, plans.
import { describe, expect, it } from 'vitest';
import { fold, withinOneEdit } from '../../shared/privacy/fold';
import { createKeyMatcher, foldKeepingLength } from '../../shared/privacy/keyMatcher';
import { EMAIL, findPatterns } from '../../shared/privacy/patterns';
import { letterOf, planReplacements } from '../../shared/privacy/plan';
import { resolveOverlaps } from '../../shared/privacy/resolve';
import { rewriteText } from '../../shared/privacy/rewrite';
import { emptyMemory, type KeyPerson } from '../../shared/privacy/types';

const person: KeyPerson = {
  participantGuid: 'g-7',
  label: 'P07',
  names: ['José García-Márquez', 'Pepe'],
  contacts: ['jose.gm@example.org', '+34 91 123 45 67'],
};

describe('shared/privacy', () => {
  it('folds case and accents and accepts exactly one edit', () => {
    expect(fold('GARCÍA’S')).toBe("garcia's");
    expect(withinOneEdit('whitfield', 'whitfeld')).toBe(true);
    expect(withinOneEdit('whitfield', 'whitfiled')).toBe(true);
    expect(withinOneEdit('whitfield', 'whitfieldx')).toBe(true);
    expect(withinOneEdit('whitfield', 'whtfiled')).toBe(false);
  });

  it('finds a key person in the forms people write', () => {
    const text =
      'Dr. García-Márquez said GARCIA’S team and Marquez left; Pepe called from 0034 91 123 45 67, jose.gm@example.org. Jose too. A garcia is a heron.';
    const found = createKeyMatcher([person])
      .find(text)
      .map((f) => f.text);
    expect(found).toEqual(
      expect.arrayContaining([
        'Dr. García-Márquez',
        'GARCIA',
        'Marquez',
        'Pepe',
        '0034 91 123 45 67',
        'jose.gm@example.org',
        'Jose',
      ]),
    );
    // Lower case alone is a word, not a name.
    expect(found).not.toContain('garcia');
  });

  it('finds emails, international phones, postcodes and birth dates, not years or dates alone', () => {
    const kinds = findPatterns(
      'Write a.b@c.org or call +1 (202) 555-0143 / +254 20 765 4321. Office SW1A 1AA. Born on 3 March 1971. In 2011-2014 and on 2019-05-02 we met.',
    ).map((f) => `${f.kind}:${f.text}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'email:a.b@c.org',
        'phone:+1 (202) 555-0143',
        'phone:+254 20 765 4321',
        'postcode:SW1A 1AA',
        'date:3 March 1971',
      ]),
    );
    expect(kinds.filter((k) => k.startsWith('phone:'))).toHaveLength(2);
  });

  it('finds an email at each @ as the whole-text pattern would, astral letters and @@ included', () => {
    const text = 'a.b@example.org, two@a.org@b.org, x@@y.org, 𝒜bc@x.org, ü.ñ@dömain.de; a@b and c@d.e';
    const emails = findPatterns(text).filter((f) => f.kind === 'email');
    expect(emails.map((f) => [f.startUtf16, f.text])).toEqual(
      [...text.matchAll(EMAIL)].map((m) => [m.index, m[0]]),
    );
    expect(emails.map((f) => f.text)).toEqual(['a.b@example.org', 'two@a.org', '𝒜bc@x.org', 'ü.ñ@dömain.de']);
  });

  it('folds fast where it can and keeps every length', () => {
    const text = 'GARCÍA’s `Straße` İstanbul ΣΟΦΙΑ 𝒜 tab\there ŁÓDŹ';
    expect(fold('Whitfield')).toBe('whitfield');
    expect(fold('a`b')).toBe("a'b");
    const kept = foldKeepingLength(text);
    expect(kept).toHaveLength(text.length);
    expect(kept).toBe("garcia's 'straße' istanbul σοφια 𝒜 tab\there łodz");
  });

  it('keeps the key person over a model guess and rewrites with offsets mapped', () => {
    const kept = resolveOverlaps([
      { startUtf16: 0, endUtf16: 12, text: 'Col. Pepe Ro', kind: 'person' },
      { startUtf16: 5, endUtf16: 9, text: 'Pepe', kind: 'participant' },
    ]);
    expect(kept.map((k) => k.kind)).toEqual(['participant']);
    const r = rewriteText('Hi Pepe, bye.', [
      { startUtf16: 3, endUtf16: 7, kind: 'participant', placeholder: '[P07]' },
    ]);
    expect(r.text).toBe('Hi [P07], bye.');
    expect(r.spans).toEqual([{ startUtf16: 3, endUtf16: 8, kind: 'participant', placeholder: '[P07]' }]);
    expect(r.mapOffset(9)).toBe(10);
  });

  it('numbers placeholders by kind, consistently across files and runs', () => {
    expect([1, 2, 26, 27].map(letterOf)).toEqual(['A', 'B', 'Z', 'AA']);
    const f = (text: string, kind: 'person' | 'organisation') => ({
      startUtf16: 0,
      endUtf16: text.length,
      text,
      kind,
    });
    const plan = planReplacements(
      [
        { file: 'a', text: 'Hannah Schmidt', findings: [f('Hannah Schmidt', 'person')] },
        {
          file: 'b',
          text: 'Dr. Schmidt',
          findings: [f('Dr. Schmidt', 'person'), f('Oxfam', 'organisation')],
        },
      ],
      [person],
      emptyMemory(),
      { reject: ['oxfam'] },
    );
    expect(plan.groups.map((g) => [g.surface, g.replacement, g.accepted])).toEqual([
      ['Hannah Schmidt', '[Person 1]', true],
      ['Dr. Schmidt', '[Person 1]', true],
      ['Oxfam', '[Organisation A]', false],
    ]);
    const again = planReplacements(
      [{ file: 'c', text: 'x', findings: [f('Lars Berg', 'person'), f('Hannah Schmidt', 'person')] }],
      [],
      plan.memory,
    );
    expect(again.groups.map((g) => g.replacement)).toEqual(['[Person 2]', '[Person 1]']);
  });
});
