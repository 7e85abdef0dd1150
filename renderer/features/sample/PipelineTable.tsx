import { useMemo, useState } from 'react';
import { List, type RowComponentProps } from 'react-window';
import { useShallow } from 'zustand/react/shallow';
import type { ParticipantRow } from '../../../shared/api/sample';
import {
  consentText,
  filterRows,
  PIPELINE_COLUMNS,
  PIPELINE_HEADERS,
  sortRows,
  type PipelineColumn,
  type PipelineFilter,
  type PipelineSort,
} from '../../../shared/sample/pipeline';
import { PARTICIPANT_STATUSES, STATUS_LABELS, type ParticipantStatus } from '../../../shared/sample/types';
import { useSample } from './useSample';

const ROW_HEIGHT = 34;

function cell(row: ParticipantRow, column: PipelineColumn): string {
  switch (column) {
    case 'label':
      return row.label;
    case 'category':
      return row.category ?? '—';
    case 'status':
      return STATUS_LABELS[row.status];
    case 'wave':
      return row.wave === null ? '—' : String(row.wave);
    case 'referredBy':
      return row.referredBy.length === 0 ? 'seed' : row.referredBy.map((r) => r.label).join(', ');
    case 'lastContact':
      return row.lastContact ?? '—';
    case 'interviewDate':
      return row.interviewDate ?? '—';
    case 'consent':
      return consentText(row) || '—';
    case 'documents':
      return String(row.documents.length);
  }
}

interface RowProps {
  rows: ParticipantRow[];
  selectedId: number | null;
  showIdentity: boolean;
  onOpen(id: number): void;
}

function Row({
  index,
  style,
  ariaAttributes,
  rows,
  selectedId,
  showIdentity,
  onOpen,
}: RowComponentProps<RowProps>) {
  const row = rows[index]!;
  return (
    <div
      {...ariaAttributes}
      style={style}
      className="pipeline-row"
      aria-label={row.label}
      aria-selected={row.id === selectedId}
      tabIndex={0}
      onClick={() => onOpen(row.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') onOpen(row.id);
      }}
    >
      {PIPELINE_COLUMNS.map((column) => (
        <span
          key={column}
          className={`pipeline-cell pipeline-${column} status-${row.status}`}
          data-column={column}
        >
          {cell(row, column)}
        </span>
      ))}
      {showIdentity && (
        <span className="pipeline-cell pipeline-identity" data-column="identity">
          {row.identity
            ? `${row.identity.name}${row.identity.contact ? ` · ${row.identity.contact}` : ''}`
            : ''}
        </span>
      )}
    </div>
  );
}

/** The recruitment pipeline: every participant, virtualised, sortable by any column and filterable. */
export function PipelineTable() {
  const rows = useSample(useShallow((s) => s.ids.map((id) => s.byId[id]!)));
  const categories = useSample((s) => s.categories);
  const selectedId = useSample((s) => s.selectedId);
  const unlocked = useSample((s) => s.identity?.unlocked ?? false);
  const select = useSample((s) => s.select);
  const [sort, setSort] = useState<PipelineSort>({ column: 'label', descending: false });
  const [filter, setFilter] = useState<PipelineFilter>({ text: '', status: '', categoryId: null });
  const shown = useMemo(() => sortRows(filterRows(rows, filter), sort), [rows, filter, sort]);

  const toggle = (column: PipelineColumn) =>
    setSort((s) => ({ column, descending: s.column === column ? !s.descending : false }));

  return (
    <section className={unlocked ? 'pipeline with-identity' : 'pipeline'} aria-label="Pipeline">
      <div className="pipeline-filters">
        <input
          type="search"
          aria-label="Filter participants"
          placeholder="Filter by label, category, referrer…"
          value={filter.text}
          onChange={(e) => setFilter({ ...filter, text: e.target.value })}
        />
        <select
          aria-label="Status filter"
          value={filter.status}
          onChange={(e) => setFilter({ ...filter, status: e.target.value as ParticipantStatus | '' })}
        >
          <option value="">any status</option>
          {PARTICIPANT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <select
          aria-label="Category filter"
          value={filter.categoryId ?? ''}
          onChange={(e) =>
            setFilter({ ...filter, categoryId: e.target.value === '' ? null : Number(e.target.value) })
          }
        >
          <option value="">any category</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <span className="muted" aria-live="polite">
          {shown.length} of {rows.length}
        </span>
      </div>
      <div className="pipeline-header" role="toolbar" aria-label="Sort by">
        {PIPELINE_COLUMNS.map((column) => (
          <button
            key={column}
            type="button"
            className={`pipeline-cell pipeline-${column}`}
            title={PIPELINE_HEADERS[column]}
            aria-pressed={sort.column === column}
            onClick={() => toggle(column)}
          >
            {PIPELINE_HEADERS[column]}
            {sort.column === column ? (sort.descending ? ' ▼' : ' ▲') : ''}
          </button>
        ))}
        {unlocked && <span className="pipeline-cell pipeline-identity">Name · contact</span>}
      </div>
      {shown.length === 0 ? (
        <p className="muted pipeline-none">No participants match.</p>
      ) : (
        <List
          className="pipeline-list"
          aria-label="Participants"
          rowComponent={Row}
          rowCount={shown.length}
          rowHeight={ROW_HEIGHT}
          rowProps={{ rows: shown, selectedId, showIdentity: unlocked, onOpen: select }}
          rowKey={(index, props) => props.rows[index]!.id}
          defaultHeight={600}
        />
      )}
    </section>
  );
}
