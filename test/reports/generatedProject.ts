import { newProjectSession } from '../helpers/session';
import { generateStudy } from './generate';

/** A new project in a temp folder filled by generateStudy (the bench's shape; its defaults when no options). */
export async function generatedProject(options?: Parameters<typeof generateStudy>[1]) {
  const { session } = await newProjectSession();
  const db = session.requireProject().db;
  return { session, db, study: generateStudy(db, options) };
}
