// Codebook templates: the JSON files shipped in the app's templates/ folder, or a .json / .qdc file
// the user picks. Read here (not in a handler) so the example study's builder loads them the same way.
import fs from 'node:fs';
import path from 'node:path';
import type { TemplateInfo } from '../../shared/api/coding';
import { PassageError } from '../../shared/api/result';
import { parseQdc } from '../../shared/coding/qdc';
import { flattenTemplate, parseTemplate, type Template } from '../../shared/coding/template';
import { appRoot } from './paths';

const TEMPLATE_NAME = /^[a-z0-9][a-z0-9-]{0,99}$/;

function templatesDir(): string {
  return path.join(appRoot(), 'templates');
}

function readTemplateFile(file: string): Template {
  const label = path.basename(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new PassageError('not_found', `${label} does not exist`);
    throw new PassageError('io', `${label} cannot be read (${code ?? 'error'})`);
  }
  try {
    return /\.qdc$/i.test(file) ? parseQdc(text, label) : parseTemplate(text, label);
  } catch (error) {
    throw new PassageError('invalid_argument', error instanceof Error ? error.message : String(error));
  }
}

export function listTemplates(): TemplateInfo[] {
  const dir = templatesDir();
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  return files.sort().map((file) => {
    const template = readTemplateFile(path.join(dir, file));
    return {
      name: file.replace(/\.json$/, ''),
      title: template.title,
      description: template.description,
      codeCount: flattenTemplate(template.codes).length,
      groupCount: template.groups.length,
    };
  });
}

export function readTemplate(args: { name?: string; path?: string }): Template {
  if ((args.name === undefined) === (args.path === undefined)) {
    throw new PassageError('invalid_argument', 'give either a template name or a file');
  }
  if (args.path !== undefined) return readTemplateFile(path.resolve(args.path));
  const name = args.name!.replace(/\.json$/, '');
  if (!TEMPLATE_NAME.test(name)) {
    throw new PassageError('invalid_argument', `${name} is not one of the templates`);
  }
  return readTemplateFile(path.join(templatesDir(), `${name}.json`));
}
