/**
 * The second half of planImport: sets → code groups and document groups, cases → participants (labels
 * only) linked to their documents, variables → attributes with values checked against their type.
 */
import { coerceAttributeValue } from '../text/attributeValues';
import type { AttributeKind, ImportPlan, PlannedAttribute } from './importPlan';
import type { RefiProject, RefiVariableType } from './model';

const ATTRIBUTE_TYPES: Record<RefiVariableType, AttributeKind> = {
  Text: 'text',
  Boolean: 'boolean',
  Integer: 'number',
  Float: 'number',
  Date: 'date',
  DateTime: 'date',
};

/** A name not yet taken (case-insensitive) in `taken`, by adding " (2)", " (3)"…; records it. */
export function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name} (${n})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

export function planGroupsAndCases(
  project: RefiProject,
  plan: ImportPlan,
  codeGuids: ReadonlySet<string>,
  documentGuids: ReadonlySet<string>,
): void {
  const { report } = plan;
  // Sets → code groups and document groups.
  const codeGroupNames = new Set<string>();
  const documentGroupNames = new Set<string>();
  for (const set of project.sets) {
    const codes = set.codeGuids.filter((g) => codeGuids.has(g));
    const docs = set.sourceGuids.filter((g) => documentGuids.has(g));
    const missing = set.codeGuids.length + set.sourceGuids.length - codes.length - docs.length;
    if (missing)
      report.push(
        `Set "${set.name}" ${set.guid}: ${missing} member${missing === 1 ? '' : 's'} skipped (not imported or no such guid)`,
      );
    if (codes.length || set.sourceGuids.length === 0)
      plan.codeGroups.push({
        guid: set.guid,
        name: uniqueName(set.name, codeGroupNames),
        description: set.description,
        memberGuids: codes,
      });
    if (docs.length)
      plan.documentGroups.push({
        guid: set.guid,
        name: uniqueName(set.name, documentGroupNames),
        description: set.description,
        memberGuids: docs,
      });
  }

  // Cases → participants (labels only); their sources link to them.
  const labels = new Set<string>();
  const participantOf = new Map<string, string>();
  for (const c of project.cases) {
    const label = uniqueName(c.name, labels);
    plan.participants.push({ guid: c.guid, label, notes: c.description });
    for (const sourceGuid of c.sourceGuids) {
      if (!documentGuids.has(sourceGuid)) continue;
      if (participantOf.has(sourceGuid))
        report.push(
          `Case "${c.name}": document ${sourceGuid} already belongs to another case; kept with the first`,
        );
      else participantOf.set(sourceGuid, c.guid);
    }
  }
  for (const doc of plan.documents) {
    const participant = participantOf.get(doc.guid);
    if (participant) doc.participantGuid = participant;
  }

  // Variables → attributes, one per scope they are used in (document scope when used nowhere).
  const taken = { document: new Set<string>(), participant: new Set<string>() };
  const sources = project.sources.filter((s) => documentGuids.has(s.guid));
  for (const variable of project.variables) {
    const type = ATTRIBUTE_TYPES[variable.type];
    const valuesIn = (owners: readonly { guid: string; values: RefiProject['cases'][number]['values'] }[]) =>
      owners.flatMap((owner) =>
        owner.values
          .filter((v) => v.variableGuid === variable.guid)
          .flatMap((v) => {
            const raw = type === 'date' ? v.value.slice(0, 10) : v.value;
            if (raw === '') return [];
            const coerced = coerceAttributeValue(type, raw);
            if (!coerced.ok) {
              report.push(
                `VariableValue of "${variable.name}" on ${owner.guid}: skipped — ${coerced.reason}`,
              );
              return [];
            }
            return [{ ownerGuid: owner.guid, value: String(coerced.value) }];
          }),
      );
    const byScope: [PlannedAttribute['scope'], PlannedAttribute['values']][] = [
      ['document', valuesIn(sources)],
      ['participant', valuesIn(project.cases)],
    ];
    const used = byScope.filter(([, values]) => values.length > 0);
    (used.length ? used : byScope.slice(0, 1)).forEach(([scope, values], i) => {
      const name = uniqueName(variable.name, taken[scope]);
      if (name !== variable.name)
        report.push(
          `Variable "${variable.name}" ${variable.guid}: renamed "${name}" (another variable has the same name)`,
        );
      plan.attributes.push({
        guid: i === 0 ? variable.guid : crypto.randomUUID(),
        scope,
        name,
        type,
        values,
      });
    });
  }
}
