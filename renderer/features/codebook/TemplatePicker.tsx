import { useEffect, useState } from 'react';
import type { TemplateInfo } from '../../../shared/api/coding';
import { call } from '../../api/client';
import { useToasts } from '../../app/useToasts';
import { useCodebook } from './useCodebook';

const FROM_FILE = '__file__';

/** Loads a shipped codebook template (merging into what is there), or a .json/.qdc file by path. */
export function TemplatePicker() {
  const [templates, setTemplates] = useState<TemplateInfo[]>([]);
  const [choice, setChoice] = useState('');
  const [file, setFile] = useState('');
  useEffect(() => {
    void call('templates.list', {}).then((list) => {
      setTemplates(list ?? []);
      if (list?.[0]) setChoice(list[0].name);
    });
  }, []);
  const load = async () => {
    if (choice === FROM_FILE && !file.trim()) return;
    const source = choice === FROM_FILE ? { path: file.trim() } : { name: choice };
    const result = await useCodebook.getState().loadTemplate(source);
    if (result) {
      useToasts.getState().push({
        kind: 'info',
        message: `Template loaded: ${result.codesCreated} codes added, ${result.codesExisting} already there, ${result.groupsCreated} groups added`,
      });
    }
  };
  return (
    <form
      className="template-picker"
      aria-label="Load template"
      onSubmit={(e) => {
        e.preventDefault();
        void load();
      }}
    >
      <select aria-label="Template" value={choice} onChange={(e) => setChoice(e.target.value)}>
        {templates.map((t) => (
          <option key={t.name} value={t.name} title={t.description}>
            {t.title} ({t.codeCount} codes)
          </option>
        ))}
        <option value={FROM_FILE}>From a file (.json, REFI-QDA .qdc)…</option>
      </select>
      {choice === FROM_FILE && (
        <input
          aria-label="Codebook file path"
          placeholder="/path/to/codebook.qdc"
          value={file}
          onChange={(e) => setFile(e.target.value)}
        />
      )}
      <button type="submit" disabled={!choice}>
        Load template
      </button>
    </form>
  );
}
