import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseQdc } from '../../shared/coding/qdc';
import { writeCodebookXml } from '../../shared/exchange/writeQde';
import { sample } from './samples';

const read = (relative: string) => fs.readFileSync(sample(relative), 'utf8');

describe('.qdc codebooks from other tools', () => {
  it('loads ATLAS.ti 23.4’s codebook with its tree and descriptions', () => {
    const template = parseQdc(
      read('atlasti-win-23.4.0/codebook-from-requal-test-valid_xml.qdc'),
      'valid.qdc',
    );
    expect(template.codes.length).toBeGreaterThan(0);
  });

  it('refuses ATLAS.ti’s truncated codebook with its name instead of loading half of it', () => {
    expect(() =>
      parseQdc(
        read('atlasti-win-23.4.0/codebook-from-requal-test-corrupted_xml-TRUNCATED.qdc'),
        'truncated.qdc',
      ),
    ).toThrow(/truncated\.qdc is (truncated|not well-formed)/);
  });

  it('loads Taguette’s codebook although its empty <Sets/> fails the XSD', () => {
    const template = parseQdc(read('taguette-1.4.1/codebook.qdc'), 'taguette.qdc');
    expect(template.codes.map((c) => c.name)).toEqual(['xsd:element name', 'CodeBook', 'Variables']);
    expect(template.groups).toEqual([]);
  });

  it('reads back what Passage writes: tree, colours, descriptions, sets', () => {
    const xml = writeCodebookXml(
      [
        {
          guid: '11111111-1111-4111-8111-111111111111',
          name: 'Trust & <doubt>',
          color: '#E6194B',
          description: 'Line one\nline two',
          isCodable: true,
          noteGuids: [],
          children: [
            {
              guid: '22222222-2222-4222-8222-222222222222',
              name: 'Child',
              description: '',
              isCodable: true,
              noteGuids: [],
              children: [],
            },
          ],
        },
      ],
      [
        {
          guid: '33333333-3333-4333-8333-333333333333',
          name: 'Core',
          description: 'main',
          codeGuids: ['22222222-2222-4222-8222-222222222222'],
          sourceGuids: [],
        },
      ],
      'Passage',
    );
    const template = parseQdc(xml, 'ours.qdc');
    expect(template.codes).toEqual([
      {
        name: 'Trust & <doubt>',
        color: '#E6194B',
        description: 'Line one\nline two',
        children: [{ name: 'Child', description: '', children: [] }],
      },
    ]);
    expect(template.groups).toEqual([
      { name: 'Core', description: 'main', codes: [['Trust & <doubt>', 'Child']] },
    ]);
  });
});
