import type { SpeakerCount } from '../../../shared/api/documents';
import { useEffect, useState } from 'react';
import { call, callOrError } from '../../api/client';
import { useRevision, useRevisions } from '../../app/useRevisions';

/** The speaker labels detected in a transcript, for the researcher to confirm or correct. */
export function SpeakersPanel({ documentId }: { documentId: number }) {
  const revision = useRevision('documents');
  const [speakers, setSpeakers] = useState<SpeakerCount[] | null>(null);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void call('turns.speakers', { documentId }).then((found) => {
      if (current && found) setSpeakers(found);
    });
    return () => {
      current = false;
    };
  }, [documentId, revision]);

  if (speakers === null) return null;
  if (speakers.length === 0)
    return <p className="muted">No speaker turns were detected in this transcript.</p>;

  const rename = async (from: string): Promise<void> => {
    const to = (drafts[from] ?? from).trim();
    if (!to || to === from) return;
    const { error: failure } = await callOrError('turns.renameSpeaker', { documentId, from, to });
    setError(failure?.message ?? null);
    if (!failure) {
      setDrafts({});
      useRevisions.getState().bump('documents');
    }
  };

  return (
    <section aria-label="Speakers" className="speakers-panel">
      <h3>Speakers</h3>
      <p className="muted">Detected from the transcript; correct a label to rename it in every turn.</p>
      {speakers.map((speaker) => (
        <form
          key={speaker.speaker}
          onSubmit={(e) => {
            e.preventDefault();
            void rename(speaker.speaker);
          }}
        >
          <input
            aria-label={`Speaker ${speaker.speaker}`}
            value={drafts[speaker.speaker] ?? speaker.speaker}
            onChange={(e) => setDrafts({ ...drafts, [speaker.speaker]: e.target.value })}
            maxLength={200}
          />
          <span className="muted">{speaker.turns} turns</span>
          <button
            type="submit"
            disabled={(drafts[speaker.speaker] ?? speaker.speaker).trim() === speaker.speaker}
          >
            Rename
          </button>
        </form>
      ))}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </section>
  );
}
