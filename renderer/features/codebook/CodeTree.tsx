import { useMemo, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Code } from '../../../shared/api/coding';
import { subtreeSegmentCounts } from '../../../shared/coding/rollUp';
import { flattenTree } from '../../../shared/coding/tree';
import { dropTarget, keyboardTarget, type DropZone } from './treeMoves';
import { selectCodes, useCodebook } from './useCodebook';

const DRAG_MIME = 'application/x-passage-code';

interface Props {
  filter: string;
  selectedId: number | null;
  onSelect(id: number | null): void;
  onRequestDelete(id: number): void;
  /** A new code is being named in place under this parent (undefined = not creating). */
  creatingUnder: number | null | undefined;
  onCreateDone(): void;
}

function zoneOf(event: DragEvent<HTMLElement>): DropZone {
  const box = event.currentTarget.getBoundingClientRect();
  const y = event.clientY - box.top;
  if (y < box.height * 0.25) return 'before';
  if (y > box.height * 0.75) return 'after';
  return 'inside';
}

function NameField({
  initial,
  label,
  onDone,
}: {
  initial: string;
  label: string;
  onDone(name: string | null): void;
}) {
  const [value, setValue] = useState(initial);
  return (
    <input
      className="codebook-name-field"
      aria-label={label}
      autoFocus
      value={value}
      maxLength={200}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onDone(value.trim() || null);
        if (e.key === 'Escape') onDone(null);
        e.stopPropagation();
      }}
      onBlur={() => onDone(value.trim() || null)}
    />
  );
}

/** The codebook as a tree (any depth): select, rename in place, drag or Alt+arrows to move. */
export function CodeTree({
  filter,
  selectedId,
  onSelect,
  onRequestDelete,
  creatingUnder,
  onCreateDone,
}: Props) {
  const codes = useCodebook(useShallow(selectCodes));
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const [editingId, setEditingId] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<{ id: number; zone: DropZone } | null>(null);
  const needle = filter.trim().toLowerCase();
  const rows = useMemo(
    () =>
      flattenTree(codes, {
        collapsed,
        ...(needle ? { matches: (c: Code) => c.name.toLowerCase().includes(needle) } : {}),
      }),
    [codes, collapsed, needle],
  );
  const subtreeCounts = useMemo(() => subtreeSegmentCounts(codes), [codes]);

  const toggle = (id: number, open?: boolean) => {
    const next = new Set(collapsed);
    const isOpen = !next.has(id);
    if (open ?? !isOpen) next.delete(id);
    else next.add(id);
    setCollapsed(next);
  };

  const finishRename = async (code: Code, name: string | null) => {
    setEditingId(null);
    if (name && name !== code.name) await useCodebook.getState().update(code.id, { name });
  };

  const finishCreate = async (name: string | null) => {
    onCreateDone();
    if (!name) return;
    const code = await useCodebook.getState().create({ name, parentId: creatingUnder ?? null });
    if (code) {
      if (code.parentId !== null) toggle(code.parentId, true);
      onSelect(code.id);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (editingId !== null) return;
    const index = rows.findIndex((r) => r.code.id === selectedId);
    const current = rows[index];
    if (event.altKey && current && ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(event.key)) {
      event.preventDefault();
      const target = keyboardTarget(codes, current.code.id, event.key as 'ArrowUp');
      if (target) void useCodebook.getState().move(current.code.id, target.parentId, target.position);
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = rows[Math.max(0, Math.min(rows.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))];
      if (next) onSelect(next.code.id);
    } else if (current && event.key === 'ArrowRight' && current.hasChildren) {
      toggle(current.code.id, true);
    } else if (current && event.key === 'ArrowLeft') {
      if (current.hasChildren && !collapsed.has(current.code.id)) toggle(current.code.id, false);
      else if (current.code.parentId !== null) onSelect(current.code.parentId);
    } else if (current && event.key === 'F2') {
      event.preventDefault();
      setEditingId(current.code.id);
    } else if (current && event.key === 'Delete') {
      event.preventDefault();
      onRequestDelete(current.code.id);
    }
  };

  const onDrop = (event: DragEvent<HTMLLIElement>, targetId: number) => {
    event.preventDefault();
    setDropAt(null);
    const movingId = Number(event.dataTransfer.getData(DRAG_MIME));
    if (!movingId) return;
    const target = dropTarget(codes, movingId, targetId, zoneOf(event));
    if (target) void useCodebook.getState().move(movingId, target.parentId, target.position);
  };

  const createField =
    creatingUnder !== undefined ? (
      <NameField initial="" label="New code name" onDone={(n) => void finishCreate(n)} />
    ) : null;

  return (
    <>
      <div className="code-tree-header" aria-hidden="true">
        <span className="code-tree-name">Code</span>
        <span className="code-tree-key-cell">Key</span>
        <span className="code-tree-count" title="Segments of the code itself">
          Seg.
        </span>
        <span className="code-tree-count" title="Segments of the code and all its subcodes">
          + sub
        </span>
        <span className="code-tree-count" title="Documents with a segment of the code itself">
          Docs
        </span>
      </div>
      <ul role="tree" aria-label="Codes" className="code-tree" tabIndex={0} onKeyDown={onKeyDown}>
        {creatingUnder === null && <li className="code-tree-new">{createField}</li>}
        {rows.map(({ code, depth, hasChildren }) => (
          <li
            key={code.id}
            role="treeitem"
            aria-level={depth + 1}
            aria-selected={code.id === selectedId}
            aria-expanded={hasChildren ? !collapsed.has(code.id) || Boolean(needle) : undefined}
            aria-label={code.name}
            className={`code-tree-row${dropAt?.id === code.id ? ` drop-${dropAt.zone}` : ''}`}
            style={{ paddingLeft: `${depth * 1.1 + 0.3}rem` }}
            draggable={editingId !== code.id}
            onDragStart={(e) => {
              e.dataTransfer.setData(DRAG_MIME, String(code.id));
              e.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(e) => {
              if (!e.dataTransfer.types.includes(DRAG_MIME)) return;
              e.preventDefault();
              setDropAt({ id: code.id, zone: zoneOf(e) });
            }}
            onDragLeave={() => setDropAt(null)}
            onDrop={(e) => onDrop(e, code.id)}
            onClick={() => onSelect(code.id)}
            onDoubleClick={() => setEditingId(code.id)}
          >
            <div className="code-tree-line">
              <button
                type="button"
                className="code-tree-toggle"
                tabIndex={-1}
                aria-label={collapsed.has(code.id) ? `Expand ${code.name}` : `Collapse ${code.name}`}
                hidden={!hasChildren}
                onClick={(e) => {
                  e.stopPropagation();
                  toggle(code.id);
                }}
              >
                {collapsed.has(code.id) && !needle ? '▸' : '▾'}
              </button>
              <span className="code-swatch" style={{ background: code.color }} aria-hidden="true" />
              {editingId === code.id ? (
                <NameField
                  initial={code.name}
                  label={`Rename ${code.name}`}
                  onDone={(n) => void finishRename(code, n)}
                />
              ) : (
                <span className="code-tree-name">{code.name}</span>
              )}
              {code.codable === false && (
                <small className="muted" title="A heading: apply one of its sub-codes">
                  heading
                </small>
              )}
              <span className="code-tree-key-cell">
                {code.shortcut && <kbd className="code-tree-key">{code.shortcut}</kbd>}
              </span>
              <span
                className="code-tree-count"
                title={`${code.segmentCount} segments in ${code.documentCount} documents`}
              >
                {code.segmentCount}
              </span>
              <span
                className="code-tree-count code-tree-rollup"
                title={
                  hasChildren ? `${subtreeCounts.get(code.id) ?? 0} segments with its subcodes` : undefined
                }
              >
                {hasChildren ? (subtreeCounts.get(code.id) ?? 0) : ''}
              </span>
              <span className="code-tree-count">{code.documentCount}</span>
            </div>
            {creatingUnder === code.id && <div className="code-tree-new">{createField}</div>}
          </li>
        ))}
      </ul>
    </>
  );
}
