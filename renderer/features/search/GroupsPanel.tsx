import { useEffect, useState } from 'react';
import type { DocumentGroup, GroupDocument } from '../../../shared/api/search';
import { call, callOrError } from '../../api/client';
import { useRevision, useRevisions } from '../../app/useRevisions';
import { useSelection } from '../../app/useSelection';

const changed = (): void => useRevisions.getState().bump('groups');

function GroupDocuments({ group }: { group: DocumentGroup }) {
  const [docs, setDocs] = useState<GroupDocument[]>([]);
  const revision = useRevision('groups');
  useEffect(() => {
    void call('documentGroups.documents', { id: group.id }).then((d) => d && setDocs(d));
  }, [group.id, revision]);
  return (
    <ul className="group-documents" aria-label={`Documents in ${group.name}`}>
      {docs.map((d) => (
        <li key={d.id}>
          <button type="button" className="link" onClick={() => useSelection.getState().openDocument(d.id)}>
            {d.title}
          </button>
          <button
            type="button"
            aria-label={`Remove ${d.title} from ${group.name}`}
            onClick={async () => {
              if (await call('documentGroups.removeDocuments', { id: group.id, documentIds: [d.id] }))
                changed();
            }}
          >
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}

function GroupRow({ group, open, onToggle }: { group: DocumentGroup; open: boolean; onToggle(): void }) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <li className="group-row">
      {renaming === null ? (
        <div className="group-head">
          <button type="button" className="link" aria-expanded={open} onClick={onToggle}>
            {group.name}
          </button>
          <span className="muted">N = {group.documentCount}</span>
          <button type="button" onClick={() => setRenaming(group.name)}>
            Rename
          </button>
          <button
            type="button"
            onClick={async () => {
              if (!window.confirm(`Delete group "${group.name}"? Its documents are kept.`)) return;
              if ((await call('documentGroups.delete', { id: group.id })) !== undefined) changed();
            }}
          >
            Delete
          </button>
        </div>
      ) : (
        <form
          aria-label={`Rename ${group.name}`}
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await callOrError('documentGroups.rename', { id: group.id, name: renaming });
            if (r.error) return setError(r.error.message);
            setRenaming(null);
            setError(null);
            changed();
          }}
        >
          <input
            aria-label="New name"
            value={renaming}
            maxLength={200}
            onChange={(e) => setRenaming(e.target.value)}
          />
          <button type="submit">Save</button>
          <button type="button" onClick={() => setRenaming(null)}>
            Cancel
          </button>
        </form>
      )}
      {error && <p role="alert">{error}</p>}
      {group.query && <p className="muted group-query">from search: {group.query}</p>}
      {open && <GroupDocuments group={group} />}
    </li>
  );
}

/** Document groups (sets) with their sizes; open one to see and prune its documents. */
export function GroupsPanel() {
  const [groups, setGroups] = useState<DocumentGroup[]>([]);
  const [openId, setOpenId] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const revision = useRevision('groups');
  useEffect(() => {
    void call('documentGroups.list', {}).then((g) => g && setGroups(g));
  }, [revision]);
  return (
    <section className="groups-panel" aria-label="Document groups">
      <form
        aria-label="New group"
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await callOrError('documentGroups.create', { name });
          if (r.error) return setError(r.error.message);
          setName('');
          setError(null);
          changed();
        }}
      >
        <input
          aria-label="Group name"
          placeholder="New group"
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" disabled={!name.trim()}>
          Create group
        </button>
      </form>
      {error && <p role="alert">{error}</p>}
      {groups.length === 0 ? (
        <p className="muted">No document groups yet. Create one, or save search results as a group.</p>
      ) : (
        <ul className="groups-list" aria-label="Groups">
          {groups.map((g) => (
            <GroupRow
              key={g.id}
              group={g}
              open={openId === g.id}
              onToggle={() => setOpenId(openId === g.id ? null : g.id)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
