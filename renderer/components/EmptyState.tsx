import type { ReactNode } from 'react';

/** What an area shows before there is anything in it: what it is for and the first step. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      <div className="empty-state-body">{children}</div>
    </section>
  );
}
