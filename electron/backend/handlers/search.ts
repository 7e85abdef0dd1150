import type Database from 'better-sqlite3';
import type { AutocodePreview, SearchFilters, searchArgs } from '../../../shared/api/search';
import type { CodingUnit } from '../../../shared/search/units';
import { ensureCoder } from '../../store/coders';
import { createCode, findCodeByName, getCode } from '../../store/codes';
import {
  addDocumentsToGroup,
  createGroup,
  deleteGroup,
  getGroup,
  groupDocuments,
  listGroups,
  removeDocumentsFromGroup,
  renameGroup,
} from '../../store/documentGroups';
import {
  documentTextAndHits,
  filterOptions,
  matchingDocumentIds,
  planAutocode,
  requireQuery,
  searchPage,
  type AutocodePlan,
} from '../../store/search';
import { insertSegments } from '../../store/segments';
import { undoable } from '../undoable';
import type { HandlersFor } from '../handlerTypes';

interface AutocodeArgs {
  query: string;
  stemming?: boolean | undefined;
  filters?: SearchFilters | undefined;
  unit: CodingUnit;
  codeId?: number | undefined;
  codeName?: string | undefined;
}

/** The code auto-coding would use: by id (must exist) or by name (any level; may not exist yet). */
function resolveCode(db: Database.Database, args: AutocodeArgs): AutocodePreview['code'] {
  if (args.codeId !== undefined) {
    const code = getCode(db, args.codeId);
    return { id: code.id, name: code.name, exists: true };
  }
  const name = (args.codeName ?? '').trim();
  const found = findCodeByName(db, name);
  return found ? { id: found.id, name: found.name, exists: true } : { id: null, name, exists: false };
}

function describePlan(plan: AutocodePlan, unit: CodingUnit, code: AutocodePreview['code']): AutocodePreview {
  return {
    unit,
    documents: plan.documents,
    hits: plan.hits,
    segments: plan.ranges.length,
    segmentDocuments: plan.segmentDocuments,
    alreadyCoded: plan.alreadyCoded,
    outsideTurns: plan.outsideTurns,
    code,
  };
}

export const searchHandlers: HandlersFor<typeof searchArgs> = {
  'search.run': (session, args) =>
    searchPage(session.requireProject().db, requireQuery(args.query, args.stemming ?? true), {
      filters: args.filters,
      offset: args.offset,
      limit: args.limit,
      order: args.order,
      snippets: args.snippets,
    }),
  'search.documentIds': (session, args) =>
    matchingDocumentIds(
      session.requireProject().db,
      requireQuery(args.query, args.stemming ?? true),
      args.filters,
    ),
  'search.hitsInDocument': (session, args) => {
    const search = requireQuery(args.query, args.stemming ?? true);
    const { hits } = documentTextAndHits(session.requireProject().db, args.documentId, search);
    return {
      documentId: args.documentId,
      hits: hits.map((h) => ({
        startUtf16: h.start,
        endUtf16: h.end,
      })),
    };
  },
  'search.filterOptions': (session) => filterOptions(session.requireProject().db),

  'autocode.preview': (session, args) => {
    const { db } = session.requireProject();
    const search = requireQuery(args.query, args.stemming ?? true);
    const code = resolveCode(db, args);
    return describePlan(planAutocode(db, search, args.filters, args.unit, code.id), args.unit, code);
  },
  'autocode.apply': (session, args) => {
    const { db } = session.requireProject();
    const search = requireQuery(args.query, args.stemming ?? true);
    const code = resolveCode(db, args);
    const label = `Auto-code "${args.query}" as ${code.name} (${args.unit})`;
    // One undo entry: creating the code (if new) and every segment are undone together.
    return undoable(session, label, (journal) => {
      const codeId = code.id ?? createCode(db, journal, { name: code.name });
      const plan = planAutocode(db, search, args.filters, args.unit, codeId);
      const coderId = ensureCoder(db, session.coder);
      const spans = plan.ranges.map((r) => ({ ...r, codeId }));
      const { inserted } = insertSegments(db, journal, spans, coderId, 'autocode.apply');
      return {
        ...describePlan(plan, args.unit, { id: codeId, name: code.name, exists: true }),
        codeId,
        codeCreated: code.id === null,
        segmentsCreated: inserted.length,
      };
    });
  },

  'documentGroups.list': (session) => listGroups(session.requireProject().db),
  'documentGroups.create': (session, args) => {
    const { db } = session.requireProject();
    const id = db
      .transaction(() => {
        const groupId = createGroup(db, args.name, null, args.description ?? '');
        if (args.documentIds && args.documentIds.length > 0)
          addDocumentsToGroup(db, groupId, args.documentIds);
        return groupId;
      })
      .immediate();
    return getGroup(db, id);
  },
  'documentGroups.createFromSearch': (session, args) => {
    const { db } = session.requireProject();
    const search = requireQuery(args.query, args.stemming ?? true);
    const id = db
      .transaction(() => {
        const ids = matchingDocumentIds(db, search, args.filters);
        const groupId = createGroup(db, args.name, args.query, args.description ?? '');
        addDocumentsToGroup(db, groupId, ids);
        return groupId;
      })
      .immediate();
    return getGroup(db, id);
  },
  'documentGroups.rename': (session, args) => {
    const { db } = session.requireProject();
    renameGroup(db, args.id, args.name);
    return getGroup(db, args.id);
  },
  'documentGroups.delete': (session, args) => {
    deleteGroup(session.requireProject().db, args.id);
    return null;
  },
  'documentGroups.addDocuments': (session, args) => {
    const { db } = session.requireProject();
    addDocumentsToGroup(db, args.id, args.documentIds);
    return getGroup(db, args.id);
  },
  'documentGroups.removeDocuments': (session, args) => {
    const { db } = session.requireProject();
    removeDocumentsFromGroup(db, args.id, args.documentIds);
    return getGroup(db, args.id);
  },
  'documentGroups.documents': (session, args) => groupDocuments(session.requireProject().db, args.id),
};
