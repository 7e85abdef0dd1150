/**
 * Merging FROM's participants (before its documents, which point at them): matched by GUID, then by
 * label (labels are unique, case-insensitive). A new participant keeps FROM's GUID and everything
 * recorded about it; its category is matched by name, or brought in. For a participant already here,
 * this project's record is kept (a differing status is listed as a conflict), and attribute values
 * are added where this project has none — the rules of documents and their attributes (mergeRows.ts).
 */
import type { RowMerger } from './mergeRows';

export function mergeParticipants(m: RowMerger): void {
  const categories = new Map<number, number>();
  const usedCategories = new Set(m.from.participants.map((p) => p.category_id));
  for (const c of m.from.participantCategories) {
    if (!usedCategories.has(c.id)) continue;
    const found = m.get<{ id: number }>('SELECT id FROM participant_categories WHERE name = @name', {
      name: c.name,
    });
    categories.set(
      c.id,
      found?.id ?? (m.w.insert('participant_categories', { ...c, id: null }).id as number),
    );
  }
  const differing: string[] = [];
  for (const p of m.from.participants) {
    const found =
      m.get<{ id: number; status: string }>('SELECT id, status FROM participants WHERE guid = @guid', {
        guid: p.guid,
      }) ??
      m.get<{ id: number; status: string }>('SELECT id, status FROM participants WHERE label = @label', {
        label: p.label,
      });
    if (found) {
      m.participants.set(p.id, found.id);
      if (found.status !== p.status) differing.push(p.label);
      continue;
    }
    const row = m.w.insert('participants', {
      ...p,
      id: null,
      category_id: p.category_id === null ? null : (categories.get(p.category_id) ?? null),
    });
    m.participants.set(p.id, row.id as number);
    m.counts.added.participants++;
  }
  if (differing.length > 0)
    m.conflicts.push({
      kind: 'participant_differs',
      message: `${differing.length} participant(s) have another status in the merged project (${differing.slice(0, 5).join(', ')}${differing.length > 5 ? ', …' : ''}): this project's records kept`,
    });
}

/** Participant attribute values, once the attributes are matched (FROM's attribute id → INTO's). */
export function mergeParticipantValues(m: RowMerger, attributes: ReadonlyMap<number, number>): void {
  for (const v of m.from.participantAttributeValues) {
    const attribute = attributes.get(v.attribute_id);
    const participant = m.participants.get(v.participant_id);
    if (attribute === undefined || participant === undefined) continue;
    const existing = m.get(
      'SELECT 1 AS x FROM participant_attribute_values WHERE participant_id = @participant AND attribute_id = @attribute',
      { participant, attribute },
    );
    if (existing) continue;
    m.w.insert('participant_attribute_values', {
      participant_id: participant,
      attribute_id: attribute,
      value: v.value,
    });
    m.counts.added.attributeValues++;
  }
}
