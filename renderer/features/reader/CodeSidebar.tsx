import { useMemo, useState, type DragEvent } from 'react';
import type { Code } from '../../../shared/api/coding';
import { codePaths, rankCodes } from '../palette/rankCodes';
import { applyCode, createCode } from './actions';
import { RANGE_MIME } from './ReaderText';
import type { Range } from './useReader';

function depthOf(code: Code, byId: ReadonlyMap<number, Code>): number {
  let depth = 0;
  let parent = code.parentId;
  while (parent !== null && depth < 20) {
    depth++;
    parent = byId.get(parent)?.parentId ?? null;
  }
  return depth;
}

function droppedRange(e: DragEvent): Range | null {
  try {
    const value: unknown = JSON.parse(e.dataTransfer.getData(RANGE_MIME));
    if (value && typeof value === 'object' && 'start' in value && 'end' in value) {
      const { start, end } = value as { start: unknown; end: unknown };
      if (typeof start === 'number' && typeof end === 'number' && end > start) return { start, end };
    }
  } catch {
    // Something else was dropped (plain text from elsewhere): not a reader selection.
  }
  return null;
}

/** A compact codebook beside the text: click a code (or drop the selection on it) to apply it. */
export function CodeSidebar({ codes }: { codes: readonly Code[] }) {
  const [filter, setFilter] = useState('');
  const [dropTarget, setDropTarget] = useState<number | null>(null);
  const byId = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const options = useMemo(() => rankCodes(codePaths(codes), filter), [codes, filter]);

  return (
    <aside className="reader-codes" aria-label="Codes">
      <input
        type="search"
        aria-label="Filter codes"
        placeholder="Filter codes…"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && filter.trim() && options.length === 0) {
            void createCode(filter.trim()).then((code) => code && setFilter(''));
          }
        }}
      />
      {codes.length === 0 && (
        <p className="muted reader-codes-empty">
          No codes yet. Select text and press Ctrl/Cmd+K to create one, or load a template in Codebook.
        </p>
      )}
      <ul>
        {options.map(({ code, path }) => (
          <li key={code.id}>
            <button
              type="button"
              className={dropTarget === code.id ? 'reader-code is-drop-target' : 'reader-code'}
              style={{ paddingLeft: 6 + (filter ? 0 : depthOf(code, byId) * 12) }}
              title={`${path}${code.description ? `\n${code.description}` : ''}`}
              aria-label={`Apply code ${code.name}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => void applyCode(code.id)}
              onDragOver={(e) => {
                if (!e.dataTransfer.types.includes(RANGE_MIME)) return;
                e.preventDefault();
                e.dataTransfer.dropEffect = 'copy';
                setDropTarget(code.id);
              }}
              onDragLeave={() => setDropTarget(null)}
              onDrop={(e) => {
                setDropTarget(null);
                const range = droppedRange(e);
                if (!range) return;
                e.preventDefault();
                void applyCode(code.id, range);
              }}
            >
              <span className="code-swatch" style={{ background: code.color }} />
              <span className="reader-code-name">{code.name}</span>
              {code.shortcut && <kbd>{code.shortcut}</kbd>}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
