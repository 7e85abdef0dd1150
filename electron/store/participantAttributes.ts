import type Database from 'better-sqlite3';
import { PassageError } from '../../shared/api/result';
import type { AttributeDefinition } from '../../shared/api/sample';
import { isIsoDate } from '../../shared/sample/types';
import { statement } from './statements';

// Typed attributes of participants (seniority, organisation type, country…): attributes with scope 'participant'.

export function listParticipantAttributes(db: Database.Database): AttributeDefinition[] {
  return statement(
    db,
    "SELECT id, name, type FROM attributes WHERE scope = 'participant' ORDER BY name COLLATE NOCASE",
  ).all() as AttributeDefinition[];
}

export function defineParticipantAttribute(
  db: Database.Database,
  name: string,
  type: AttributeDefinition['type'],
): AttributeDefinition {
  return db
    .transaction(() => {
      if (listParticipantAttributes(db).some((a) => a.name.toLowerCase() === name.toLowerCase()))
        throw new PassageError('conflict', `sample.attributes.define: name: '${name}' already exists`);
      return statement(
        db,
        "INSERT INTO attributes (scope, name, type) VALUES ('participant', :name, :type) RETURNING id, name, type",
      ).get({ name, type }) as AttributeDefinition;
    })
    .immediate();
}

function checkValue(attribute: AttributeDefinition, value: string): void {
  const bad = (what: string) => {
    throw new PassageError('invalid_argument', `${attribute.name}: '${value}' is not ${what}`);
  };
  if (attribute.type === 'number' && !Number.isFinite(Number(value.trim()))) bad('a number');
  if (attribute.type === 'number' && value.trim() === '') bad('a number');
  if (attribute.type === 'date' && !isIsoDate(value)) bad('a date (YYYY-MM-DD)');
  if (attribute.type === 'boolean' && value !== 'true' && value !== 'false') bad('true or false');
}

/** Sets (or with null clears) one attribute value of a participant, checked against its type. */
export function setParticipantAttribute(
  db: Database.Database,
  participantId: number,
  attributeId: number,
  value: string | null,
): void {
  db.transaction(() => {
    const attribute = listParticipantAttributes(db).find((a) => a.id === attributeId);
    if (!attribute)
      throw new PassageError('not_found', `participant attribute ${attributeId} does not exist`);
    if (!statement(db, 'SELECT 1 FROM participants WHERE id = :id').get({ id: participantId }))
      throw new PassageError('not_found', `participant ${participantId} does not exist`);
    if (value === null) {
      statement(
        db,
        'DELETE FROM participant_attribute_values WHERE participant_id = :participantId AND attribute_id = :attributeId',
      ).run({ participantId, attributeId });
      return;
    }
    checkValue(attribute, value);
    statement(
      db,
      `INSERT INTO participant_attribute_values (participant_id, attribute_id, value)
       VALUES (:participantId, :attributeId, :value)
       ON CONFLICT (participant_id, attribute_id) DO UPDATE SET value = excluded.value`,
    ).run({ participantId, attributeId, value });
  }).immediate();
}

export function participantAttributeValues(
  db: Database.Database,
  participantId: number,
): Map<number, string> {
  const rows = statement(
    db,
    'SELECT attribute_id AS attributeId, value FROM participant_attribute_values WHERE participant_id = :participantId',
  ).all({ participantId }) as { attributeId: number; value: string }[];
  return new Map(rows.map((r) => [r.attributeId, r.value]));
}
