import { useEffect, useState } from 'react';
import { callOrError } from '../../api/client';
import { ListEditor } from './ListEditor';

/**
 * The researcher's own terms to find and replace (a unit's name, a base, a village), kept in the
 * identity key with the names.
 */
export function TermsEditor() {
  const [terms, setTerms] = useState<string[] | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  useEffect(() => {
    void callOrError('privacy.terms.get', {}).then((answer) => {
      if (answer.value) setTerms(answer.value.terms);
      else setMessage({ error: true, text: answer.error?.message ?? 'could not read the terms' });
    });
  }, []);
  if (!terms) return null;
  const save = async () => {
    const answer = await callOrError('privacy.terms.set', {
      terms: terms.map((t) => t.trim()).filter(Boolean),
    });
    if (answer.value) setTerms(answer.value.terms);
    setMessage(
      answer.error ? { error: true, text: answer.error.message } : { error: false, text: 'Terms saved.' },
    );
  };
  return (
    <section className="key-terms" aria-label="Your own terms to anonymise">
      <p className="muted">Your own terms to find and replace, e.g. a unit&apos;s or a base&apos;s name.</p>
      <ListEditor label="term" items={terms} onChange={setTerms} />
      <button type="button" onClick={() => void save()}>
        Save terms
      </button>
      {message && (
        <span role={message.error ? 'alert' : 'status'} className={message.error ? 'form-error' : 'muted'}>
          {' '}
          {message.text}
        </span>
      )}
    </section>
  );
}
