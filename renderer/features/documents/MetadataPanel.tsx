import { useState } from 'react';
import type { AttributeValue, DocumentKind, DocumentSummary } from '../../../shared/api/documents';
import { callOrError } from '../../api/client';
import { useRevisions } from '../../app/useRevisions';
import { SpeakersPanel } from './SpeakersPanel';
import { useDocuments } from './useDocuments';

/** Title, kind, date, author and attributes of the selected document, editable. */
export function MetadataPanel({ documentId }: { documentId: number }) {
  const document = useDocuments((s) => s.byId[documentId]);
  if (!document) return null;
  // A new key when the stored metadata changes starts the form again from it.
  const key = `${document.id}|${document.title}|${document.kind}|${document.date}|${document.author}`;
  return <MetadataForm key={key} document={document} />;
}

function MetadataForm({ document }: { document: DocumentSummary }) {
  const documentId = document.id;
  const [draft, setDraft] = useState({
    title: document.title,
    kind: document.kind,
    date: document.date ?? '',
    author: document.author ?? '',
  });
  const [attribute, setAttribute] = useState({ name: '', value: '' });
  const [error, setError] = useState<string | null>(null);

  const done = (result: { value?: DocumentSummary; error?: { message: string } }): void => {
    if (result.error) setError(result.error.message);
    else if (result.value) {
      setError(null);
      useDocuments.getState().replace(result.value);
      useRevisions.getState().bump('documents');
    }
  };

  const save = async (): Promise<void> =>
    done(
      await callOrError('documents.update', {
        id: documentId,
        title: draft.title,
        kind: draft.kind,
        date: draft.date.trim() === '' ? null : draft.date.trim(),
        author: draft.author.trim() === '' ? null : draft.author.trim(),
      }),
    );

  const setValue = async (name: string, value: AttributeValue): Promise<void> =>
    done(await callOrError('attributes.set', { documentId, name, value }));

  return (
    <section aria-label="Document metadata" className="metadata-panel">
      <h3>Metadata</h3>
      <label>
        Title
        <input
          value={draft.title}
          onChange={(e) => setDraft({ ...draft, title: e.target.value })}
          maxLength={200}
        />
      </label>
      <label>
        Kind
        <select
          value={draft.kind}
          onChange={(e) => setDraft({ ...draft, kind: e.target.value as DocumentKind })}
        >
          <option value="document">Document</option>
          <option value="interview">Interview</option>
        </select>
      </label>
      <label>
        Date (YYYY, YYYY-MM or YYYY-MM-DD)
        <input value={draft.date} onChange={(e) => setDraft({ ...draft, date: e.target.value })} />
      </label>
      <label>
        Author / source
        <input
          value={draft.author}
          onChange={(e) => setDraft({ ...draft, author: e.target.value })}
          maxLength={500}
        />
      </label>
      <button type="button" onClick={() => void save()}>
        Save
      </button>
      <p className="muted">
        {document.fileName} · {document.format}
        {document.pageCount !== null ? ` · ${document.pageCount} pages` : ''} · {document.wordCount} words
      </p>
      <table aria-label="Attributes">
        <tbody>
          {Object.entries(document.attributes).map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{String(value)}</td>
              <td>
                <button type="button" aria-label={`Clear ${name}`} onClick={() => void setValue(name, null)}>
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (attribute.name.trim()) void setValue(attribute.name.trim(), attribute.value);
        }}
      >
        <input
          aria-label="Attribute name"
          placeholder="Attribute"
          value={attribute.name}
          onChange={(e) => setAttribute({ ...attribute, name: e.target.value })}
        />
        <input
          aria-label="Attribute value"
          placeholder="Value"
          value={attribute.value}
          onChange={(e) => setAttribute({ ...attribute, value: e.target.value })}
        />
        <button type="submit">Set</button>
      </form>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {document.kind === 'interview' && <SpeakersPanel documentId={documentId} />}
    </section>
  );
}
