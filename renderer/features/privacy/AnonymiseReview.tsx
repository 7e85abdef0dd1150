import { useState } from 'react';
import { ReviewFindings } from './ReviewFindings';
import { useAnonymiseReview } from './useAnonymiseReview';

/** Anonymisation at the door: the files to review, then their findings (ReviewFindings). */
export function AnonymiseReview() {
  const review = useAnonymiseReview((s) => s.review);
  const busy = useAnonymiseReview((s) => s.busy);
  const [pathsText, setPathsText] = useState('');

  return (
    <section className="anonymise-review" aria-label="Anonymise before import">
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void review(
            pathsText
              .split('\n')
              .map((p) => p.trim())
              .filter(Boolean),
          );
        }}
      >
        <textarea
          aria-label="Files to anonymise, one path per line"
          value={pathsText}
          onChange={(e) => setPathsText(e.target.value)}
        />
        <button type="submit" disabled={busy || pathsText.trim() === ''}>
          Find identifiers
        </button>
      </form>
      <ReviewFindings />
    </section>
  );
}
