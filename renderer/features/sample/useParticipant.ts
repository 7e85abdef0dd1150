import { useCallback, useEffect, useState } from 'react';
import type { ParticipantDetail } from '../../../shared/api/sample';
import { call } from '../../api/client';
import { useRevision } from '../../app/useRevisions';

/** The open participant's full record, reloaded whenever the sample changes. */
export function useParticipant(id: number | null): { detail: ParticipantDetail | null; reload(): void } {
  const revision = useRevision('participants');
  const [detail, setDetail] = useState<ParticipantDetail | null>(null);
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    let live = true;
    if (id === null) return;
    void call('sample.get', { id }).then((d) => {
      if (live) setDetail(d ?? null);
    });
    return () => {
      live = false;
    };
  }, [id, revision, nonce]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { detail: id === null ? null : detail, reload };
}
