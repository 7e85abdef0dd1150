// The evidence report in pages on a real project file: the first page and the pages after it join to
// exactly the whole list (the order sortEvidence gives), no quote twice, and the same page twice over.
import { describe, expect, it } from 'vitest';
import { invoke } from '../../electron/backend/dispatch';
import type { Session } from '../../electron/backend/session';
import { resolveContext } from '../../electron/reports/context';
import { evidenceItems } from '../../electron/reports/evidence';
import { CITATIONS_SENT_UP_TO_DOCUMENTS, sortEvidence } from '../../shared/reports/evidence';
import type { EvidenceItem, EvidenceSort, ReportFilters } from '../../shared/reports/model';
import { generatedProject } from './generatedProject';

async function pagedStudy() {
  const { session, db, study } = await generatedProject({
    documents: 40,
    codes: 6,
    segments: 3_000,
    bigCodeSegments: 700,
    seed: 5,
  });
  // Look-alike titles (the document id must decide) and a second coder, so filters change the list.
  db.prepare("UPDATE documents SET title = 'Same title' WHERE id % 5 = 0").run();
  db.prepare('UPDATE documents SET date = NULL WHERE id % 7 = 0').run();
  db.prepare("INSERT INTO coders (name, created_at) VALUES ('ana', '2026-01-01')").run();
  db.prepare(
    "UPDATE segments SET coder_id = (SELECT id FROM coders WHERE name = 'ana') WHERE id % 3 = 0",
  ).run();
  return { session, study };
}

/** Follows nextOffset from the first page to the end. */
async function allPages(
  session: Session,
  filters: ReportFilters,
  sort: EvidenceSort,
  codeId: number,
  pageSize: number,
): Promise<{ pages: EvidenceItem[][]; segmentCount: number }> {
  const first = await invoke(session, 'reports.evidence', { filters, sort, pageSize });
  const section = first.codes.find((c) => c.code.codeId === codeId)!;
  const pages = [section.items];
  let next = section.nextOffset;
  while (next !== null) {
    const page = await invoke(session, 'reports.evidencePage', {
      filters,
      sort,
      codeId,
      offset: next,
      pageSize,
    });
    expect(page.offset).toBe(next);
    expect(page.segmentCount).toBe(section.segmentCount);
    pages.push(page.items);
    next = page.nextOffset;
  }
  return { pages, segmentCount: section.segmentCount };
}

describe('evidence in pages', () => {
  it('pages join to the whole list in every sort and under filters, each quote once', async () => {
    const { session, study } = await pagedStudy();
    const db = session.requireProject().db;
    const cases: ReportFilters[] = [{}, { coder: 'ana' }, { yearFrom: 2004, yearTo: 2012 }];
    for (const base of cases)
      for (const sort of ['document', 'date', 'label'] as const) {
        const filters = { ...base, codeIds: [study.bigCodeId] };
        const whole = await invoke(session, 'reports.evidence', { filters, sort });
        const all = whole.codes[0]!;
        expect(all.nextOffset).toBeNull();
        // The whole list is still the order sortEvidence gives the items read in one scan.
        const context = resolveContext(db, filters);
        const expected = sortEvidence(evidenceItems(context, study.bigCodeId), sort);
        expect(all.items.map((i) => i.segmentId)).toEqual(expected.map((i) => i.segmentId));

        const { pages, segmentCount } = await allPages(session, filters, sort, study.bigCodeId, 64);
        const joined = pages.flat();
        expect(joined).toEqual(all.items);
        expect(new Set(joined.map((i) => i.segmentId)).size).toBe(joined.length);
        expect(segmentCount).toBe(all.segmentCount);
        expect(pages.length).toBe(Math.ceil(all.items.length / 64));
        expect(pages.slice(0, -1).every((p) => p.length === 64)).toBe(true);
      }
    // The cases are not trivial: the filters change the list and it spans many pages.
    const sizes = await Promise.all(
      cases.map(
        async (f) =>
          (await invoke(session, 'reports.evidence', { filters: { ...f, codeIds: [study.bigCodeId] } }))
            .codes[0]!.segmentCount,
      ),
    );
    expect(sizes[0]).toBe(700);
    expect(new Set(sizes).size).toBe(3);
  });

  it('a first page carries the whole list counts and citations, and the same page comes back the same', async () => {
    const { session, study } = await pagedStudy();
    const filters = { codeIds: study.codeIds.slice(0, 3) };
    const whole = await invoke(session, 'reports.evidence', { filters, sort: 'label' });
    const paged = await invoke(session, 'reports.evidence', { filters, sort: 'label', pageSize: 10 });
    expect(paged.header.segmentCount).toBe(whole.header.segmentCount);
    for (const [i, section] of paged.codes.entries()) {
      const all = whole.codes[i]!;
      expect(section.code).toEqual(all.code);
      expect({ ...section, items: [], nextOffset: null }).toEqual({ ...all, items: [] });
      expect(section.items).toEqual(all.items.slice(0, 10));
      expect(section.nextOffset).toBe(all.items.length > 10 ? 10 : null);
    }
    const args = { filters, sort: 'label' as const, codeId: study.bigCodeId, offset: 300, pageSize: 50 };
    const once = await invoke(session, 'reports.evidencePage', args);
    const again = await invoke(session, 'reports.evidencePage', args);
    expect(again).toEqual(once);
    expect(once.items).toEqual(whole.codes[0]!.items.slice(300, 350));
    const beyond = await invoke(session, 'reports.evidencePage', { ...args, offset: 5_000 });
    expect(beyond).toMatchObject({ items: [], nextOffset: null, segmentCount: 700 });
  });

  it('a code cited from over a hundred documents sends its citation list apart, on request', async () => {
    const { session, study } = await generatedProject({
      documents: 160,
      codes: 6,
      segments: 2_000,
      bigCodeSegments: 900,
      seed: 3,
    });
    const whole = await invoke(session, 'reports.evidence', { sort: 'document' });
    const paged = await invoke(session, 'reports.evidence', { sort: 'document', pageSize: 20 });
    const deferred = paged.codes.filter((c) => c.citations === null);
    expect(deferred.map((c) => c.code.codeId)).toContain(study.bigCodeId);
    for (const [i, section] of paged.codes.entries()) {
      const all = whole.codes[i]!;
      expect(section.documentCount).toBe(all.documentCount);
      if (section.citations === null) {
        expect(section.documentCount).toBeGreaterThan(CITATIONS_SENT_UP_TO_DOCUMENTS);
        const asked = await invoke(session, 'reports.evidenceCitations', { codeId: section.code.codeId });
        expect(asked).toEqual({
          codeId: section.code.codeId,
          documentCount: all.documentCount,
          citations: all.citations,
        });
      } else {
        expect(section.documentCount).toBeLessThanOrEqual(CITATIONS_SENT_UP_TO_DOCUMENTS);
        expect(section.citations).toBe(all.citations);
      }
    }
    // The same filters narrow the list as they narrow the report.
    const filters = { yearFrom: 2015 };
    const narrowed = await invoke(session, 'reports.evidence', { filters, sort: 'document' });
    const big = narrowed.codes.find((c) => c.code.codeId === study.bigCodeId)!;
    expect(await invoke(session, 'reports.evidenceCitations', { filters, codeId: study.bigCodeId })).toEqual({
      codeId: study.bigCodeId,
      documentCount: big.documentCount,
      citations: big.citations,
    });
    await expect(invoke(session, 'reports.evidenceCitations', { codeId: 999 })).rejects.toThrow(
      'reports: code 999 not found',
    );
  });

  it('refuses an unknown code and a bad offset in plain words', async () => {
    const { session } = await pagedStudy();
    await expect(invoke(session, 'reports.evidencePage', { codeId: 999, offset: 0 })).rejects.toThrow(
      'reports: code 999 not found',
    );
    await expect(invoke(session, 'reports.evidencePage', { codeId: 1, offset: -1 })).rejects.toThrow(
      /offset/,
    );
    await expect(invoke(session, 'reports.evidence', { pageSize: 0 })).rejects.toThrow(/pageSize/);
  });

  it('a report after a change sees it: resolved filters are kept only while the project is unchanged', async () => {
    const { session } = await pagedStudy();
    const db = session.requireProject().db;
    const filters = { yearFrom: 2010 };
    const before = await invoke(session, 'reports.evidence', { filters, pageSize: 1 });
    db.prepare(
      "UPDATE documents SET date = '2001-01-01' WHERE id = (SELECT min(id) FROM documents WHERE year >= 2010)",
    ).run();
    const after = await invoke(session, 'reports.evidence', { filters, pageSize: 1 });
    expect(after.header.documentCount).toBe(before.header.documentCount - 1);
  });
});
