-- Stable identity, version 80.
-- Every row that can leave the file (REFI-QDA exchange, merging coders' copies) gets a GUID at creation,
-- kept for ever and carried through copies of the file; integer ids become AUTOINCREMENT so a deleted
-- row's id is never handed to a new row (undo and the identity key refer to rows by id).
-- SQLite cannot add AUTOINCREMENT or a UNIQUE column to an existing table, so each table is rebuilt
-- with the standard recipe (create new, copy, drop old, rename). The runner turns foreign keys off
-- around it and runs PRAGMA foreign_key_check before committing (electron/store/migrations.ts).
--
-- guid: lower-case RFC 4122 version 4, 8-4-4-4-12. The DEFAULT makes every INSERT that omits it get a
-- fresh one; importers and merges set it explicitly to keep the other file's identity.

CREATE TABLE coders_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  guid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  color TEXT CHECK (color IS NULL OR color GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'),
  created_at TEXT NOT NULL
) STRICT;
INSERT INTO coders_new (id, name, created_at) SELECT id, name, created_at FROM coders;
DROP TABLE coders;
ALTER TABLE coders_new RENAME TO coders;

CREATE TABLE participant_categories_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  position INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO participant_categories_new (id, name, position) SELECT id, name, position FROM participant_categories;
DROP TABLE participant_categories;
ALTER TABLE participant_categories_new RENAME TO participant_categories;

CREATE TABLE participants_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  guid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
  label TEXT NOT NULL UNIQUE COLLATE NOCASE,
  category_id INTEGER REFERENCES participant_categories (id) ON DELETE RESTRICT,
  status TEXT NOT NULL DEFAULT 'identified' CHECK (
    status IN ('identified', 'contacted', 'agreed', 'scheduled', 'interviewed', 'declined', 'no_response', 'withdrawn')
  ),
  interview_date TEXT,
  interview_mode TEXT CHECK (interview_mode IN ('in_person', 'video', 'phone')),
  duration_minutes INTEGER CHECK (duration_minutes > 0),
  interviewer TEXT,
  consent_version TEXT,
  consent_date TEXT,
  recording_allowed INTEGER CHECK (recording_allowed IN (0, 1)),
  anonymisation TEXT,
  withdrawn_at TEXT,
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) STRICT;
INSERT INTO participants_new (id, label, category_id, status, interview_date, interview_mode, duration_minutes,
  interviewer, consent_version, consent_date, recording_allowed, anonymisation, withdrawn_at, notes, created_at)
SELECT id, label, category_id, status, interview_date, interview_mode, duration_minutes,
  interviewer, consent_version, consent_date, recording_allowed, anonymisation, withdrawn_at, notes, created_at
FROM participants;
DROP TABLE participants;
ALTER TABLE participants_new RENAME TO participants;
CREATE INDEX participants_category ON participants (category_id);

CREATE TABLE referrals_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  guid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
  referrer_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  referred_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  referred_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  UNIQUE (referrer_id, referred_id),
  CHECK (referrer_id <> referred_id)
) STRICT;
INSERT INTO referrals_new (id, referrer_id, referred_id, referred_on, note, created_at)
SELECT id, referrer_id, referred_id, referred_on, note, created_at FROM referrals;
DROP TABLE referrals;
ALTER TABLE referrals_new RENAME TO referrals;
CREATE INDEX referrals_referred ON referrals (referred_id);

CREATE TABLE documents_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  guid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
  title TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('interview', 'document')),
  file_name TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('txt', 'md', 'docx', 'pdf', 'html', 'odt')),
  content_hash TEXT NOT NULL,
  -- Normalised once at import (NFC, \n line endings) and never changed afterwards: segments point into it.
  text TEXT NOT NULL,
  date TEXT,
  year INTEGER GENERATED ALWAYS AS (CAST(substr(date, 1, 4) AS INTEGER)) VIRTUAL,
  author TEXT,
  page_count INTEGER,
  word_count INTEGER NOT NULL,
  participant_id INTEGER REFERENCES participants (id) ON DELETE SET NULL,
  imported_at TEXT NOT NULL
) STRICT;
INSERT INTO documents_new (id, title, kind, file_name, format, content_hash, text, date, author, page_count,
  word_count, participant_id, imported_at)
SELECT id, title, kind, file_name, format, content_hash, text, date, author, page_count,
  word_count, participant_id, imported_at
FROM documents;
-- DROP TABLE fires no triggers, so the external-content FTS index keeps its rows (same ids).
DROP TABLE documents;
ALTER TABLE documents_new RENAME TO documents;
CREATE INDEX documents_content_hash ON documents (content_hash);
CREATE INDEX documents_participant ON documents (participant_id);
CREATE INDEX documents_date ON documents (date);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TABLE attributes_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  guid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
  scope TEXT NOT NULL CHECK (scope IN ('document', 'participant')),
  name TEXT NOT NULL COLLATE NOCASE,
  type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'boolean')),
  UNIQUE (scope, name)
) STRICT;
INSERT INTO attributes_new (id, scope, name, type) SELECT id, scope, name, type FROM attributes;
DROP TABLE attributes;
ALTER TABLE attributes_new RENAME TO attributes;

CREATE TABLE document_groups_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  guid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL DEFAULT '',
  query TEXT,
  created_at TEXT NOT NULL
) STRICT;
INSERT INTO document_groups_new (id, name, description, query, created_at)
SELECT id, name, description, query, created_at FROM document_groups;
DROP TABLE document_groups;
ALTER TABLE document_groups_new RENAME TO document_groups;

CREATE TABLE codes_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  guid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
  parent_id INTEGER REFERENCES codes (id) ON DELETE RESTRICT,
  name TEXT NOT NULL,
  color TEXT NOT NULL CHECK (color GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'),
  description TEXT NOT NULL DEFAULT '',
  shortcut TEXT UNIQUE,
  position INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
) STRICT;
INSERT INTO codes_new (id, parent_id, name, color, description, shortcut, position, created_at)
SELECT id, parent_id, name, color, description, shortcut, position, created_at FROM codes;
DROP TABLE codes;
ALTER TABLE codes_new RENAME TO codes;
CREATE UNIQUE INDEX codes_sibling_name ON codes (ifnull(parent_id, 0), name COLLATE NOCASE);
CREATE INDEX codes_parent ON codes (parent_id, position);

CREATE TABLE code_groups_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  guid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO code_groups_new (id, name, description, position) SELECT id, name, description, position FROM code_groups;
DROP TABLE code_groups;
ALTER TABLE code_groups_new RENAME TO code_groups;

CREATE TABLE segments_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  guid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  code_id INTEGER NOT NULL REFERENCES codes (id) ON DELETE CASCADE,
  start_utf16 INTEGER NOT NULL CHECK (start_utf16 >= 0),
  end_utf16 INTEGER NOT NULL,
  text TEXT NOT NULL,
  memo TEXT NOT NULL DEFAULT '',
  coder_id INTEGER NOT NULL REFERENCES coders (id) ON DELETE RESTRICT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (start_utf16 < end_utf16)
) STRICT;
INSERT INTO segments_new (id, document_id, code_id, start_utf16, end_utf16, text, memo, coder_id, created_at, updated_at)
SELECT id, document_id, code_id, start_utf16, end_utf16, text, memo, coder_id, created_at, updated_at FROM segments;
DROP TABLE segments;
ALTER TABLE segments_new RENAME TO segments;
-- See 0060 and 0070 for why these two cover what the reports and the reader read. The old
-- segments_code index (code_id, document_id, start_utf16) was a prefix of segments_code_span: gone.
CREATE INDEX segments_code_span ON segments (code_id, document_id, start_utf16, end_utf16, coder_id);
CREATE INDEX segments_document_span ON segments (document_id, start_utf16, end_utf16 DESC, code_id);
-- One coder codes a span with a code once; two coders' identical codings stay two rows.
CREATE UNIQUE INDEX segments_unique_coding ON segments (document_id, code_id, coder_id, start_utf16, end_utf16);

CREATE TABLE memos_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  guid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
  document_id INTEGER REFERENCES documents (id) ON DELETE CASCADE,
  code_id INTEGER REFERENCES codes (id) ON DELETE CASCADE,
  title TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (document_id IS NULL OR code_id IS NULL)
) STRICT;
INSERT INTO memos_new (id, document_id, code_id, title, body, author, created_at, updated_at)
SELECT id, document_id, code_id, title, body, author, created_at, updated_at FROM memos;
DROP TABLE memos;
ALTER TABLE memos_new RENAME TO memos;
CREATE INDEX memos_document ON memos (document_id);
CREATE INDEX memos_code ON memos (code_id);

-- Undo entries now belong to a coder, and hold rows with their GUIDs; entries written before this
-- version hold neither, so they cannot be checked before they are applied and are dropped.
DROP TABLE undo_entries;
CREATE TABLE undo_entries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  coder_id INTEGER NOT NULL REFERENCES coders (id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  changes TEXT NOT NULL CHECK (json_valid(changes)),
  undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX undo_entries_coder ON undo_entries (coder_id, undone, id);

INSERT INTO project_settings (key, value)
VALUES ('project_guid', lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
ON CONFLICT (key) DO NOTHING;
