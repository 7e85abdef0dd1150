import type Database from 'better-sqlite3';
import { PassageError } from '../../shared/api/result';
import type { Category } from '../../shared/api/sample';
import { DEFAULT_CATEGORIES } from '../../shared/sample/types';
import { statement } from './statements';

export function listCategories(db: Database.Database): Category[] {
  return statement(
    db,
    `SELECT c.id, c.name, (SELECT count(*) FROM participants p WHERE p.category_id = c.id) AS participants
     FROM participant_categories c ORDER BY c.position, c.id`,
  ).all() as Category[];
}

function getCategory(db: Database.Database, id: number): Category {
  const found = listCategories(db).find((c) => c.id === id);
  if (!found) throw new PassageError('not_found', `category ${id} does not exist`);
  return found;
}

export function categoryIdByName(db: Database.Database, name: string): number | undefined {
  return (
    statement(db, 'SELECT id FROM participant_categories WHERE name = :name').get({ name }) as
      { id: number } | undefined
  )?.id;
}

export function createCategory(db: Database.Database, name: string): Category {
  return db
    .transaction(() => {
      if (categoryIdByName(db, name) !== undefined)
        throw new PassageError('conflict', `A category named ${name} already exists`);
      const { id } = statement(
        db,
        `INSERT INTO participant_categories (name, position)
       VALUES (:name, (SELECT coalesce(max(position), 0) + 1 FROM participant_categories)) RETURNING id`,
      ).get({ name }) as { id: number };
      return getCategory(db, id);
    })
    .immediate();
}

export function renameCategory(db: Database.Database, id: number, name: string): Category {
  return db
    .transaction(() => {
      getCategory(db, id);
      const other = categoryIdByName(db, name);
      if (other !== undefined && other !== id)
        throw new PassageError('conflict', `A category named ${name} already exists`);
      statement(db, 'UPDATE participant_categories SET name = :name WHERE id = :id').run({ id, name });
      return getCategory(db, id);
    })
    .immediate();
}

/** A category still in use is kept: the researcher recategorises its participants first. */
export function deleteCategory(db: Database.Database, id: number): void {
  db.transaction(() => {
    const category = getCategory(db, id);
    if (category.participants > 0)
      throw new PassageError(
        'conflict',
        `${category.name} is used by ${category.participants} participant(s) — recategorise them first`,
      );
    statement(db, 'DELETE FROM participant_categories WHERE id = :id').run({ id });
  }).immediate();
}

export function addDefaultCategories(db: Database.Database): Category[] {
  db.transaction(() => {
    for (const name of DEFAULT_CATEGORIES)
      if (categoryIdByName(db, name) === undefined) createCategory(db, name);
  }).immediate();
  return listCategories(db);
}
