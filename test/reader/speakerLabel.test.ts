import { describe, expect, it } from 'vitest';
import { speakerLabelEnd } from '../../shared/reader/speakerLabel';

describe('speakerLabelEnd', () => {
  it('finds the label a transcript writes before the words, in the usual spellings', () => {
    const text = 'x\nInterviewer: Why?\n**P01**: Because.\n[Officer A.]: Yes.\n  Dr. Smith : No.';
    expect(text.slice(2, speakerLabelEnd(text, 2, 'Interviewer')!)).toBe('Interviewer:');
    const p01 = text.indexOf('**P01');
    expect(text.slice(p01, speakerLabelEnd(text, p01, 'P01')!)).toBe('**P01**:');
    const officer = text.indexOf('[Officer');
    expect(text.slice(officer, speakerLabelEnd(text, officer, 'Officer A')!)).toBe('[Officer A.]:');
    const smith = text.indexOf('  Dr.');
    expect(text.slice(smith, speakerLabelEnd(text, smith, 'Dr. Smith')!)).toBe('  Dr. Smith :');
  });

  it('is null when the row does not open with the speaker, and treats the name literally', () => {
    const text = 'Respondent: fine\nInt.: hello';
    expect(speakerLabelEnd(text, 0, 'Interviewer')).toBeNull();
    expect(speakerLabelEnd(text, 0, 'R.spondent')).toBeNull();
    expect(speakerLabelEnd(text, text.indexOf('Int.'), 'Int.')).toBe(text.length - ' hello'.length);
  });
});
