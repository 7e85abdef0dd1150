import { z } from 'zod';
import { stripBidiControls } from '../text/names';

// Building blocks reused by every domain's argument schemas, so limits are the same everywhere.
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const offset = z
  .number()
  .int()
  .nonnegative()
  .max(2 ** 31);
export const filePath = z
  .string()
  .min(1, 'path is empty')
  .max(4096, 'path is longer than 4096 characters')
  .refine((p) => !p.includes('\0'), 'path contains a NUL character');
export const shortText = z.string().max(500);
// Direction controls are removed before the checks, so a name made only of them counts as empty.
export const name = z
  .string()
  .overwrite(stripBidiControls)
  .trim()
  .min(1, 'name is empty')
  .max(200, 'name is longer than 200 characters');
export const longText = z.string().max(1_000_000);
export const noArgs = z.object({}).strict();
