// The deterministic study the bench measures: 648 policy documents (≈13 MB, 2002–2023), 26 interview
// transcripts (one of 200,000 words), a 60-code book in 8 groups and a 40-person snowball sample. At scale
// 10 (issue 18) there are ten times the documents, bytes, transcripts and participants; the codebook and
// the one 200,000-word transcript stay. Same seed and scale, same bytes: runs and machines compare.
import fs from 'node:fs';
import path from 'node:path';
import { createRng, type Rng } from './rng';
import {
  ANSWER_BODIES,
  ANSWER_OPENERS,
  CODE_GROUPS,
  CODE_TREE,
  DOCUMENT_KINDS,
  OBJECTS,
  PARTICIPANT_CATEGORIES,
  QUALIFIERS,
  QUESTIONS,
  SUBJECTS,
  TERMS,
  TOPICS,
  VERBS,
} from './vocabulary';

export const STUDY_SEED = 20260423;
export const DOCUMENT_COUNT = 648;
export const DOCUMENT_CHARS = 13_000_000;
export const TRANSCRIPT_COUNT = 26;
export const LONG_TRANSCRIPT_WORDS = 200_000;
export const PARTICIPANT_COUNT = 40;
export const SEED_PARTICIPANTS = 4;

export interface GeneratedDocument {
  fileName: string;
  year: number;
  text: string;
}

export interface GeneratedTranscript {
  fileName: string;
  participantLabel: string;
  words: number;
  text: string;
}

export interface GeneratedParticipant {
  label: string;
  category: string;
  /** Index of the referrer in the participant list; null for the 4 seeds. */
  referredBy: number | null;
  wave: number;
}

export interface GeneratedCode {
  name: string;
  /** Index of the parent in the code list; null for top-level codes. */
  parent: number | null;
  color: string;
  /** Indexes into CODE_GROUPS. */
  groups: number[];
}

export interface Study {
  documents: GeneratedDocument[];
  transcripts: GeneratedTranscript[];
  codes: GeneratedCode[];
  codeGroups: readonly string[];
  participants: GeneratedParticipant[];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function policySentence(rng: Rng): string {
  let topic = rng.pick(TOPICS);
  let qualifier = rng.pick(QUALIFIERS);
  for (const { term, rate } of TERMS) {
    if (rng.chance(rate)) {
      // Terms land in different grammatical places so phrase and prefix searches differ from term ones.
      if (rng.chance(0.5)) topic = term;
      else qualifier = `${qualifier}, with attention to ${term}`;
      break;
    }
  }
  return `${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)} ${topic} ${qualifier}.`;
}

function documentText(rng: Rng, targetChars: number, year: number, kind: string): string {
  const parts: string[] = [`${capitalise(kind.replace(/-/g, ' '))}, ${year}`];
  let length = parts[0]!.length;
  let section = 1;
  while (length < targetChars) {
    if (rng.chance(0.08)) {
      const heading = `${section++}. ${capitalise(rng.pick(TOPICS))}`;
      parts.push(heading);
      length += heading.length + 2;
    }
    const sentences: string[] = [];
    const count = rng.int(2, 7);
    for (let i = 0; i < count; i++) sentences.push(policySentence(rng));
    const paragraph = sentences.join(' ');
    parts.push(paragraph);
    length += paragraph.length + 2;
  }
  return parts.join('\n\n');
}

function answer(rng: Rng): string {
  const sentences: string[] = [];
  const count = rng.int(1, 6);
  for (let i = 0; i < count; i++) {
    const body = rng.chance(0.6) ? rng.pick(ANSWER_BODIES) : policySentence(rng).slice(0, -1).toLowerCase();
    sentences.push(`${rng.pick(ANSWER_OPENERS)} ${body}.`);
  }
  return sentences.join(' ');
}

function wordsIn(text: string): number {
  let n = 0;
  for (const part of text.split(/\s+/)) if (part !== '') n++;
  return n;
}

/** "Interviewer: …" / "P07: …" turns separated by blank lines: the layout transcription services deliver. */
function transcriptText(rng: Rng, targetWords: number, respondent: string): { text: string; words: number } {
  const turns: string[] = [];
  let words = 0;
  while (words < targetWords) {
    const question = `Interviewer: ${rng.pick(QUESTIONS)}`;
    const reply = `${respondent}: ${answer(rng)}`;
    turns.push(question, reply);
    words += wordsIn(question) + wordsIn(reply);
  }
  return { text: turns.join('\n\n'), words };
}

function hexColor(rng: Rng): string {
  return `#${rng.int(0x202020, 0xdfdfdf).toString(16).padStart(6, '0')}`;
}

function generateCodes(rng: Rng): GeneratedCode[] {
  const codes: GeneratedCode[] = [];
  CODE_TREE.forEach((branch, branchIndex) => {
    const parentIndex = codes.length;
    const group = branchIndex % CODE_GROUPS.length;
    codes.push({ name: branch.parent, parent: null, color: hexColor(rng), groups: [group] });
    for (const child of branch.children) {
      const groups = rng.chance(0.25) ? [group, (group + 3) % CODE_GROUPS.length] : [group];
      codes.push({ name: child, parent: parentIndex, color: hexColor(rng), groups });
    }
  });
  return codes;
}

/** 4 seeds, then each later participant referred by someone already recruited: waves of a snowball. */
function generateParticipants(rng: Rng, count: number): GeneratedParticipant[] {
  const participants: GeneratedParticipant[] = [];
  for (let i = 0; i < count; i++) {
    const label = `P${String(i + 1).padStart(2, '0')}`;
    const category = rng.pick(PARTICIPANT_CATEGORIES);
    if (i < SEED_PARTICIPANTS) {
      participants.push({ label, category, referredBy: null, wave: 0 });
      continue;
    }
    // Recent recruits refer more often than early ones, as in real chains.
    const referrer = Math.max(0, i - 1 - Math.floor(rng.next() * rng.next() * i));
    participants.push({ label, category, referredBy: referrer, wave: participants[referrer]!.wave + 1 });
  }
  return participants;
}

export function generateStudy(seed = STUDY_SEED, scale = 1): Study {
  const rng = createRng(seed);
  const sizes: number[] = [];
  const documentCount = Math.round(DOCUMENT_COUNT * scale);
  for (let i = 0; i < documentCount; i++) sizes.push(rng.skewed(14_000, 0.9, 1_500, 250_000));
  const stretch = (DOCUMENT_CHARS * scale) / sizes.reduce((a, b) => a + b, 0);
  const documents: GeneratedDocument[] = sizes.map((size, i) => {
    // Later years publish more, as the real corpus does.
    const year = 2002 + Math.min(21, Math.floor(Math.sqrt(rng.next()) * 22));
    const kind = rng.pick(DOCUMENT_KINDS);
    const fileName = `${year}-${kind}-${String(i + 1).padStart(3, '0')}.txt`;
    return { fileName, year, text: documentText(rng, Math.round(size * stretch), year, kind) };
  });
  const participants = generateParticipants(rng, Math.round(PARTICIPANT_COUNT * scale));
  const transcripts: GeneratedTranscript[] = [];
  const transcriptCount = Math.round(TRANSCRIPT_COUNT * scale);
  for (let i = 0; i < transcriptCount; i++) {
    const participantLabel = participants[i]!.label;
    const target = i === 0 ? LONG_TRANSCRIPT_WORDS : rng.int(8_000, 20_000);
    const { text, words } = transcriptText(rng, target, participantLabel);
    const fileName = `interview ${String(i + 1).padStart(2, '0')} ${participantLabel}.txt`;
    transcripts.push({ fileName, participantLabel, words, text });
  }
  return { documents, transcripts, codes: generateCodes(rng), codeGroups: CODE_GROUPS, participants };
}

/** Writes the texts as files, as a researcher's folder would hold them. */
export function writeStudyFiles(study: Study, dir: string): { documentsDir: string; interviewsDir: string } {
  const documentsDir = path.join(dir, 'documents');
  const interviewsDir = path.join(dir, 'interviews');
  fs.mkdirSync(documentsDir, { recursive: true });
  fs.mkdirSync(interviewsDir, { recursive: true });
  for (const doc of study.documents) fs.writeFileSync(path.join(documentsDir, doc.fileName), doc.text);
  for (const t of study.transcripts) fs.writeFileSync(path.join(interviewsDir, t.fileName), t.text);
  return { documentsDir, interviewsDir };
}
