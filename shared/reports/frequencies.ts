import { measure, type CountIndex } from './counts';
import type { FrequencyGroupRow, FrequencyRow, ReportCode } from './model';

export interface CodeGroupInput {
  id: number;
  name: string;
  codeIds: readonly number[];
}

/** Per code and per code group: segments, documents and distinct participants (documents' participants). */
export function buildFrequencies(
  codes: readonly ReportCode[],
  groups: readonly CodeGroupInput[],
  index: CountIndex,
  participantOf: ReadonlyMap<number, number | null>,
): { rows: FrequencyRow[]; groups: FrequencyGroupRow[] } {
  const participants = (documents: Set<number>) => {
    const ids = new Set<number>();
    for (const d of documents) {
      const p = participantOf.get(d);
      if (p !== null && p !== undefined) ids.add(p);
    }
    return ids.size;
  };
  const rows: FrequencyRow[] = codes.map((code) => {
    const m = measure(index, [code.codeId], null);
    return {
      code,
      codeGroups: groups.filter((g) => g.codeIds.includes(code.codeId)).map((g) => g.name),
      segments: m.segments,
      documents: m.documents.size,
      participants: participants(m.documents),
    };
  });
  const selected = new Set(codes.map((c) => c.codeId));
  const groupRows: FrequencyGroupRow[] = groups.map((g) => {
    const codeIds = g.codeIds.filter((id) => selected.has(id));
    const m = measure(index, codeIds, null);
    return {
      codeGroupId: g.id,
      name: g.name,
      codeCount: codeIds.length,
      segments: m.segments,
      documents: m.documents.size,
      participants: participants(m.documents),
    };
  });
  return { rows, groups: groupRows };
}
