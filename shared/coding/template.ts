/**
 * Codebook templates: Passage's JSON format (templates/*.json) and its validation. A template names codes
 * by their path of names, so loading into an existing codebook can find what is already there.
 */
import { z } from 'zod';
import { formatDescription } from './description';

export interface TemplateCode {
  name: string;
  color?: string;
  definition?: string;
  whenToUse?: string;
  whenNotToUse?: string;
  example?: string;
  description?: string;
  children?: TemplateCode[];
}

const codeSchema: z.ZodType<TemplateCode> = z.lazy(() =>
  z
    .object({
      name: z.string().trim().min(1).max(200),
      color: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/)
        .optional(),
      definition: z.string().max(10_000).optional(),
      whenToUse: z.string().max(10_000).optional(),
      whenNotToUse: z.string().max(10_000).optional(),
      example: z.string().max(10_000).optional(),
      description: z.string().max(50_000).optional(),
      children: z.array(codeSchema).max(10_000).optional(),
    })
    .strict(),
);

export const templateSchema = z
  .object({
    format: z.literal('passage-codebook'),
    version: z.literal(1),
    title: z.string().max(200),
    description: z.string().max(10_000).default(''),
    codes: z.array(codeSchema).max(10_000),
    groups: z
      .array(
        z
          .object({
            name: z.string().trim().min(1).max(200),
            description: z.string().max(500).default(''),
            codes: z.array(z.array(z.string().min(1).max(200)).min(1).max(100)).max(10_000),
          })
          .strict(),
      )
      .max(1000)
      .default([]),
  })
  .strict();

export type Template = z.infer<typeof templateSchema>;

/** A template code with its path and the one description text stored on the code. */
export interface FlatTemplateCode {
  path: string[];
  name: string;
  color?: string;
  description: string;
}

export function descriptionOf(code: TemplateCode): string {
  return code.description ?? formatDescription(code);
}

/** Parents before children, in template order. */
export function flattenTemplate(codes: readonly TemplateCode[], parent: string[] = []): FlatTemplateCode[] {
  return codes.flatMap((code) => {
    const path = [...parent, code.name.trim()];
    const own: FlatTemplateCode = {
      path,
      name: code.name.trim(),
      color: code.color,
      description: descriptionOf(code),
    };
    return [own, ...flattenTemplate(code.children ?? [], path)];
  });
}

/** Parses and validates template JSON text; the message names the first problem and where. */
export function parseTemplate(json: string, label: string): Template {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(`${label}: not valid JSON (${error instanceof Error ? error.message : String(error)})`, {
      cause: error,
    });
  }
  const parsed = templateSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${label}: ${issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'invalid template'}`,
    );
  }
  return parsed.data;
}
