import type Database from 'better-sqlite3';
import type { AttributeDefinition, AttributeType, AttributeValue } from '../../shared/api/documents';
import { PassageError } from '../../shared/api/result';
import { coerceAttributeValue } from '../../shared/text/attributeValues';
import { statement } from './statements';

// Values are stored as text (the column is shared by every type): numbers in JS's shortest form,
// booleans as 'true'/'false', dates as YYYY[-MM[-DD]]. decodeValue turns them back by the attribute's type.
function encodeValue(value: Exclude<AttributeValue, null>): string {
  return typeof value === 'string' ? value : String(value);
}

function decodeValue(type: AttributeType, stored: string): AttributeValue {
  if (type === 'number') return Number(stored);
  if (type === 'boolean') return stored === 'true';
  return stored;
}

interface DefinitionRow {
  id: number;
  name: string;
  type: AttributeType;
  usedBy: number;
}

export function listAttributes(db: Database.Database): AttributeDefinition[] {
  return statement(
    db,
    `SELECT a.id, a.name, a.type,
       (SELECT count(*) FROM document_attribute_values v WHERE v.attribute_id = a.id) AS usedBy
     FROM attributes a WHERE a.scope = 'document' ORDER BY a.name COLLATE NOCASE`,
  ).all() as DefinitionRow[];
}

export function findAttribute(db: Database.Database, name: string): AttributeDefinition | undefined {
  return statement(
    db,
    `SELECT a.id, a.name, a.type,
       (SELECT count(*) FROM document_attribute_values v WHERE v.attribute_id = a.id) AS usedBy
     FROM attributes a WHERE a.scope = 'document' AND a.name = :name`,
  ).get({ name }) as DefinitionRow | undefined;
}

/** Creates the attribute, or returns it when it exists with the same type (a different type is a conflict). */
export function defineAttribute(
  db: Database.Database,
  name: string,
  type: AttributeType,
): AttributeDefinition {
  return db
    .transaction(() => {
      const existing = findAttribute(db, name);
      if (existing) {
        if (existing.type !== type)
          throw new PassageError(
            'conflict',
            `${name} already exists as a ${existing.type} attribute, not ${type}`,
          );
        return existing;
      }
      const row = statement(
        db,
        `INSERT INTO attributes (scope, name, type) VALUES ('document', :name, :type) RETURNING id`,
      ).get({ name, type }) as { id: number };
      return { id: row.id, name, type, usedBy: 0 };
    })
    .immediate();
}

export function deleteAttribute(db: Database.Database, id: number): void {
  const info = statement(db, `DELETE FROM attributes WHERE id = :id AND scope = 'document'`).run({ id });
  if (info.changes === 0) throw new PassageError('not_found', `attribute ${id} does not exist`);
}

/**
 * Sets (or with null clears) a document's value, checking it against the attribute's type.
 * An attribute that does not exist yet is created with the type of the value given.
 */
export function setAttributeValue(
  db: Database.Database,
  documentId: number,
  name: string,
  value: AttributeValue,
): void {
  db.transaction(() => {
    let attribute = findAttribute(db, name);
    if (!attribute) {
      if (value === null) return;
      const type: AttributeType =
        typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'text';
      attribute = defineAttribute(db, name, type);
    }
    if (value === null) {
      statement(
        db,
        `DELETE FROM document_attribute_values WHERE document_id = :documentId AND attribute_id = :attributeId`,
      ).run({ documentId, attributeId: attribute.id });
      return;
    }
    const coerced = coerceAttributeValue(attribute.type, value);
    if (!coerced.ok) throw new PassageError('invalid_argument', `${name}: ${coerced.reason}`);
    statement(
      db,
      `INSERT INTO document_attribute_values (document_id, attribute_id, value)
       VALUES (:documentId, :attributeId, :value)
       ON CONFLICT (document_id, attribute_id) DO UPDATE SET value = excluded.value`,
    ).run({ documentId, attributeId: attribute.id, value: encodeValue(coerced.value) });
  }).immediate();
}

/** Attribute values of many documents at once (one query for a whole list). */
export function attributesOfDocuments(
  db: Database.Database,
  documentIds: readonly number[] | 'all',
): Map<number, Record<string, AttributeValue>> {
  const byDocument = new Map<number, Record<string, AttributeValue>>();
  if (documentIds !== 'all' && documentIds.length === 0) return byDocument;
  const rows = (
    documentIds === 'all'
      ? statement(
          db,
          `SELECT v.document_id AS documentId, a.name, a.type, v.value
           FROM document_attribute_values v JOIN attributes a ON a.id = v.attribute_id`,
        ).all()
      : statement(
          db,
          `SELECT v.document_id AS documentId, a.name, a.type, v.value
           FROM document_attribute_values v JOIN attributes a ON a.id = v.attribute_id
           WHERE v.document_id IN (SELECT value FROM json_each(:ids))`,
        ).all({ ids: JSON.stringify(documentIds) })
  ) as { documentId: number; name: string; type: AttributeType; value: string }[];
  for (const row of rows) {
    let record = byDocument.get(row.documentId);
    if (!record) byDocument.set(row.documentId, (record = {}));
    record[row.name] = decodeValue(row.type, row.value);
  }
  return byDocument;
}
