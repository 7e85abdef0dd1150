import { useEffect, useState } from 'react';
import type { ParticipantDetail, SampleDocument } from '../../../shared/api/sample';
import { call } from '../../api/client';
import { useRevision } from '../../app/useRevisions';
import { useSelection } from '../../app/useSelection';
import { useNavigation } from '../../app/useNavigation';
import { useSample } from './useSample';

/** The participant's transcripts: link any document of the project, open or unlink a linked one. */
export function TranscriptsEditor({ detail }: { detail: ParticipantDetail }) {
  const changed = useSample((s) => s.changed);
  const documentsRevision = useRevision('documents');
  const participantsRevision = useRevision('participants');
  const [documents, setDocuments] = useState<SampleDocument[]>([]);
  const [choice, setChoice] = useState('');
  useEffect(() => {
    let live = true;
    void call('sample.documents', {}).then((d) => {
      if (live && d) setDocuments(d);
    });
    return () => {
      live = false;
    };
  }, [documentsRevision, participantsRevision]);
  const linkable = documents.filter((d) => d.participantId !== detail.id);

  const link = async () => {
    if (!choice) return;
    if (
      (await call('sample.linkDocument', { participantId: detail.id, documentId: Number(choice) })) !==
      undefined
    ) {
      setChoice('');
      await changed();
    }
  };
  const unlink = async (documentId: number) => {
    if ((await call('sample.unlinkDocument', { documentId })) !== undefined) await changed();
  };
  const open = (documentId: number) => {
    useSelection.getState().openDocument(documentId);
    useNavigation.getState().go('documents');
  };

  return (
    <section aria-label="Transcripts">
      <h4>Transcripts</h4>
      {detail.documents.length === 0 ? (
        <p className="muted">No transcript linked.</p>
      ) : (
        <ul className="transcript-list">
          {detail.documents.map((d) => (
            <li key={d.id}>
              <button type="button" className="link" onClick={() => open(d.id)}>
                {d.title}
              </button>
              <button type="button" aria-label={`Unlink ${d.title}`} onClick={() => void unlink(d.id)}>
                Unlink
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="inline-form">
        <select aria-label="Transcript to link" value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">{linkable.length === 0 ? 'no documents to link' : 'choose a document…'}</option>
          {linkable.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
              {d.participantId !== null ? ' (linked to another participant)' : ''}
            </option>
          ))}
        </select>
        <button type="button" disabled={!choice} onClick={() => void link()}>
          Link transcript
        </button>
      </div>
    </section>
  );
}
