// What the identity key holds, as anonymisation needs it: the people (names, aliases, contacts and
// their pseudonym) and the memory of replacements made so far.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { PassageError } from '../../shared/api/result';
import { EMAIL, findPhones } from '../../shared/privacy/patterns';
import { emptyMemory, FINDING_KINDS, type KeyPerson, type PrivacyMemory } from '../../shared/privacy/types';
import type { IdentityKeyHolder, KeyEntry } from '../sample/identityKey';

/** The contact field is free text: emails and phone numbers in it are found, the rest kept as written. */
export function contactsOf(contact: string): string[] {
  const out: string[] = [];
  for (const item of contact.split(/[;,\n]/)) {
    const emails = item.match(EMAIL) ?? [];
    const phones = findPhones(item).map((p) => p.text);
    out.push(...emails, ...phones);
    if (emails.length === 0 && phones.length === 0 && item.trim().length >= 4) out.push(item.trim());
  }
  return out;
}

export function keyPeople(db: Database.Database, holder: IdentityKeyHolder): KeyPerson[] {
  const labels = new Map(
    (db.prepare('SELECT guid, label FROM participants').all() as { guid: string; label: string }[]).map(
      (r) => [r.guid, r.label],
    ),
  );
  return [...holder.allEntries()].map(([guid, entry]: [string, KeyEntry]) => ({
    participantGuid: guid,
    label: labels.get(guid) ?? null,
    names: [entry.name, ...entry.aliases].filter((n) => n.trim() !== ''),
    contacts: contactsOf(entry.contact),
  }));
}

const memorySchema = z.object({
  replacements: z.record(z.string(), z.string()),
  counters: z.partialRecord(z.enum(FINDING_KINDS), z.number().int().nonnegative()),
  terms: z.array(z.string()),
});

export function readMemory(holder: IdentityKeyHolder): PrivacyMemory {
  const stored = holder.privacy;
  if (stored === null || stored === undefined) return emptyMemory();
  const parsed = memorySchema.safeParse(stored);
  if (!parsed.success)
    throw new PassageError('invalid_argument', 'identity key: its anonymisation table is damaged');
  return parsed.data;
}

/** Saves the memory; anything else kept beside it in the key (documents' originals) stays. */
export function saveMemory(holder: IdentityKeyHolder, memory: PrivacyMemory): void {
  holder.setPrivacy({ ...storedPrivacy(holder), ...memory });
}

/** The key's privacy record as stored, an object or nothing. */
export function storedPrivacy(holder: IdentityKeyHolder): Record<string, unknown> {
  const stored = holder.privacy;
  return typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
}

/** Anonymisation needs the key open: names to look for, and the table of replacements to keep. */
export function requireUnlocked(holder: IdentityKeyHolder): void {
  if (!holder.isUnlocked)
    throw new PassageError(
      'conflict',
      'anonymisation needs the identity key: unlock it first (Sample → Identity key), or create one',
    );
}
