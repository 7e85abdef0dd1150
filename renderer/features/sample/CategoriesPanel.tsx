import { useState, type FormEvent } from 'react';
import { call, callOrError } from '../../api/client';
import { useSample } from './useSample';

/** The project's participant categories and attributes: add, rename, delete (only when unused). */
export function CategoriesPanel() {
  const categories = useSample((s) => s.categories);
  const changed = useSample((s) => s.changed);
  const [name, setName] = useState('');
  const [attribute, setAttribute] = useState('');
  const [type, setType] = useState<'text' | 'number' | 'date' | 'boolean'>('text');
  const [error, setError] = useState<string | null>(null);
  const done = async (result: { error?: { message: string } }) => {
    setError(result.error?.message ?? null);
    if (!result.error) await changed();
  };
  const add = async (e: FormEvent) => {
    e.preventDefault();
    await done(await callOrError('sample.categories.create', { name }));
    setName('');
  };
  const define = async (e: FormEvent) => {
    e.preventDefault();
    await done(await callOrError('sample.attributes.define', { name: attribute, type }));
    setAttribute('');
  };
  return (
    <section aria-label="Categories">
      <table className="sample-table">
        <thead>
          <tr>
            <th>Category</th>
            <th>Participants</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <tr key={c.id}>
              <td>{c.name}</td>
              <td>{c.participants}</td>
              <td>
                <button
                  type="button"
                  onClick={() => {
                    const next = window.prompt('Rename category', c.name);
                    if (next)
                      void callOrError('sample.categories.rename', { id: c.id, name: next }).then(done);
                  }}
                >
                  Rename
                </button>{' '}
                <button
                  type="button"
                  aria-label={`Delete ${c.name}`}
                  onClick={() => void callOrError('sample.categories.delete', { id: c.id }).then(done)}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="inline-form" aria-label="New category" onSubmit={(e) => void add(e)}>
        <input
          aria-label="Category name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={200}
        />
        <button type="submit" disabled={!name.trim()}>
          Add category
        </button>
        <button
          type="button"
          onClick={() => void call('sample.categories.addDefaults', {}).then((r) => r && changed())}
        >
          Add the reference study&apos;s categories
        </button>
      </form>
      <form className="inline-form" aria-label="New attribute" onSubmit={(e) => void define(e)}>
        <input
          aria-label="Attribute name"
          placeholder="attribute (seniority, country…)"
          value={attribute}
          onChange={(e) => setAttribute(e.target.value)}
        />
        <select
          aria-label="Attribute type"
          value={type}
          onChange={(e) => setType(e.target.value as typeof type)}
        >
          <option value="text">text</option>
          <option value="number">number</option>
          <option value="date">date</option>
          <option value="boolean">yes/no</option>
        </select>
        <button type="submit" disabled={!attribute.trim()}>
          Add attribute
        </button>
      </form>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </section>
  );
}
