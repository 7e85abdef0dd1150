import { useEffect, useState } from 'react';
import type { Code } from '../../../shared/api/coding';
import type { AutocodePreview, SearchFilters } from '../../../shared/api/search';
import { CODING_UNITS, type CodingUnit } from '../../../shared/search/units';
import { call, callOrError } from '../../api/client';
import { useRevisions } from '../../app/useRevisions';
import { useSearch } from './useSearch';

const UNIT_LABELS: Record<CodingUnit, string> = {
  hit: 'the hit only',
  sentence: 'sentence',
  paragraph: 'paragraph',
  turn: 'speaker turn',
  document: 'whole document',
};

/** Choose a code and a unit, see how many segments will be created, then apply as one undoable step. */
export function AutocodeDialog(props: { query: string; filters: SearchFilters; onClose(): void }) {
  const [codes, setCodes] = useState<Code[]>([]);
  const [codeName, setCodeName] = useState('');
  const [unit, setUnit] = useState<CodingUnit>('sentence');
  // The preview is kept with the arguments it was computed for: a filter changed while the dialog is
  // open (an attribute condition added, say) makes it stale, so it is hidden until asked again.
  const [previewFor, setPreviewFor] = useState<{ key: string; preview: AutocodePreview } | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  useEffect(() => {
    void call('codes.list', {}).then((c) => c && setCodes(c));
  }, []);
  const stemming = useSearch((s) => s.stemming);
  const args = { query: props.query, stemming, filters: props.filters, unit, codeName: codeName.trim() };
  const argsKey = JSON.stringify(args);
  const preview = previewFor?.key === argsKey ? previewFor.preview : null;
  const setPreview = (p: AutocodePreview | null): void => setPreviewFor(p && { key: argsKey, preview: p });
  const ask = async (): Promise<void> => {
    const result = await callOrError('autocode.preview', args);
    if (result.error) return setMessage({ kind: 'error', text: result.error.message });
    setMessage(null);
    setPreview(result.value!);
  };
  const apply = async (): Promise<void> => {
    const result = await callOrError('autocode.apply', args);
    if (result.error) return setMessage({ kind: 'error', text: result.error.message });
    useRevisions.getState().bump('segments', 'codes');
    const r = result.value!;
    setPreview(null);
    setMessage({
      kind: 'done',
      text: `Created ${r.segmentsCreated} segments in ${r.segmentDocuments} documents (undo reverses all).`,
    });
  };
  return (
    <form
      className="search-dialog"
      aria-label="Auto-code hits"
      onSubmit={(e) => {
        e.preventDefault();
        void ask();
      }}
    >
      <label>
        Code{' '}
        <input
          list="autocode-codes"
          value={codeName}
          onChange={(e) => {
            setCodeName(e.target.value);
            setPreview(null);
          }}
          maxLength={200}
          placeholder="existing or new code"
        />
      </label>
      <datalist id="autocode-codes">
        {codes.map((c) => (
          <option key={c.id} value={c.name} />
        ))}
      </datalist>
      <label>
        Code each{' '}
        <select
          value={unit}
          onChange={(e) => {
            setUnit(e.target.value as CodingUnit);
            setPreview(null);
          }}
        >
          {CODING_UNITS.map((u) => (
            <option key={u} value={u}>
              {UNIT_LABELS[u]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!codeName.trim()}>
        Preview
      </button>
      {preview && (
        <p role="status">
          {preview.segments} segments will be created in {preview.segmentDocuments} documents
          {preview.code.exists ? '' : ` (new code "${preview.code.name}")`}
          {preview.alreadyCoded > 0 ? `; ${preview.alreadyCoded} already coded` : ''}
          {preview.outsideTurns > 0
            ? `; ${preview.outsideTurns} hits outside speaker turns use their paragraph`
            : ''}
          .
        </p>
      )}
      {preview && preview.segments > 0 && (
        <button type="button" onClick={() => void apply()}>
          Apply
        </button>
      )}
      <button type="button" onClick={props.onClose}>
        Close
      </button>
      {message && <p role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
    </form>
  );
}
