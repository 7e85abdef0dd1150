-- Passage project schema, version 10.
-- Offsets (start_utf16, end_utf16) are 0-based UTF-16 code units into documents.text, end exclusive;
-- shared/offsets.ts converts them to Unicode code points for REFI-QDA.
-- Timestamps are ISO-8601 UTC strings. Booleans are 0/1 integers.

CREATE TABLE project_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE coders (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  created_at TEXT NOT NULL
) STRICT;

-- Participants come before documents because a transcript links to its interviewee.
CREATE TABLE participant_categories (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  position INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE participants (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL UNIQUE COLLATE NOCASE,
  -- A category still in use cannot be deleted: the researcher must recategorise first.
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
CREATE INDEX participants_category ON participants (category_id);

CREATE TABLE participant_status_history (
  id INTEGER PRIMARY KEY,
  participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX participant_status_history_participant ON participant_status_history (participant_id, changed_at);

CREATE TABLE referrals (
  id INTEGER PRIMARY KEY,
  referrer_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  referred_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  referred_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  UNIQUE (referrer_id, referred_id),
  CHECK (referrer_id <> referred_id)
) STRICT;
CREATE INDEX referrals_referred ON referrals (referred_id);

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('interview', 'document')),
  file_name TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('txt', 'md', 'docx', 'pdf', 'html', 'odt')),
  content_hash TEXT NOT NULL,
  -- Normalised once at import (NFC, \n line endings) and never changed afterwards: segments point into it.
  text TEXT NOT NULL,
  -- 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; year is what the time reports count by.
  date TEXT,
  year INTEGER GENERATED ALWAYS AS (CAST(substr(date, 1, 4) AS INTEGER)) VIRTUAL,
  author TEXT,
  page_count INTEGER,
  word_count INTEGER NOT NULL,
  -- A transcript outlives its participant row (deleting a participant must not delete evidence).
  participant_id INTEGER REFERENCES participants (id) ON DELETE SET NULL,
  imported_at TEXT NOT NULL
) STRICT;
CREATE INDEX documents_content_hash ON documents (content_hash);
CREATE INDEX documents_participant ON documents (participant_id);
CREATE INDEX documents_date ON documents (date);

-- PDF pages as ranges of the document text, so a quote can be cited by page.
CREATE TABLE document_pages (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  page INTEGER NOT NULL,
  start_utf16 INTEGER NOT NULL,
  end_utf16 INTEGER NOT NULL,
  PRIMARY KEY (document_id, page)
) STRICT, WITHOUT ROWID;

-- Speaker turns of transcripts.
CREATE TABLE turns (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  speaker TEXT NOT NULL,
  start_utf16 INTEGER NOT NULL,
  end_utf16 INTEGER NOT NULL,
  CHECK (start_utf16 < end_utf16)
) STRICT;
CREATE INDEX turns_document ON turns (document_id, start_utf16);

CREATE VIRTUAL TABLE documents_fts USING fts5 (
  title,
  text,
  content = 'documents',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
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

-- Typed attributes ("variables") of documents and participants.
CREATE TABLE attributes (
  id INTEGER PRIMARY KEY,
  scope TEXT NOT NULL CHECK (scope IN ('document', 'participant')),
  name TEXT NOT NULL COLLATE NOCASE,
  type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'boolean')),
  UNIQUE (scope, name)
) STRICT;

CREATE TABLE document_attribute_values (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  attribute_id INTEGER NOT NULL REFERENCES attributes (id) ON DELETE CASCADE,
  value TEXT NOT NULL,
  PRIMARY KEY (document_id, attribute_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX document_attribute_values_attribute ON document_attribute_values (attribute_id, value);

CREATE TABLE participant_attribute_values (
  participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  attribute_id INTEGER NOT NULL REFERENCES attributes (id) ON DELETE CASCADE,
  value TEXT NOT NULL,
  PRIMARY KEY (participant_id, attribute_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE document_groups (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL DEFAULT '',
  -- The search a group was saved from, kept so the researcher can see how it was built.
  query TEXT,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE document_group_members (
  group_id INTEGER NOT NULL REFERENCES document_groups (id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, document_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX document_group_members_document ON document_group_members (document_id);

CREATE TABLE codes (
  id INTEGER PRIMARY KEY,
  -- Deleting a parent is done by the app (children re-parented or deleted explicitly, undoably), never by a cascade.
  parent_id INTEGER REFERENCES codes (id) ON DELETE RESTRICT,
  name TEXT NOT NULL,
  color TEXT NOT NULL CHECK (color GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'),
  description TEXT NOT NULL DEFAULT '',
  shortcut TEXT UNIQUE,
  position INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX codes_sibling_name ON codes (ifnull(parent_id, 0), name COLLATE NOCASE);
CREATE INDEX codes_parent ON codes (parent_id, position);

CREATE TABLE code_groups (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE code_group_members (
  group_id INTEGER NOT NULL REFERENCES code_groups (id) ON DELETE CASCADE,
  code_id INTEGER NOT NULL REFERENCES codes (id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, code_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX code_group_members_code ON code_group_members (code_id);

CREATE TABLE segments (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  code_id INTEGER NOT NULL REFERENCES codes (id) ON DELETE CASCADE,
  start_utf16 INTEGER NOT NULL CHECK (start_utf16 >= 0),
  end_utf16 INTEGER NOT NULL,
  -- The quoted span, copied at coding time: evidence reports read it without slicing documents.
  text TEXT NOT NULL,
  memo TEXT NOT NULL DEFAULT '',
  coder_id INTEGER NOT NULL REFERENCES coders (id) ON DELETE RESTRICT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (start_utf16 < end_utf16)
) STRICT;
CREATE INDEX segments_document ON segments (document_id, start_utf16);
CREATE INDEX segments_code ON segments (code_id, document_id, start_utf16);

-- Memos on the project (no target), a document or a code. A segment's memo lives on the segment.
CREATE TABLE memos (
  id INTEGER PRIMARY KEY,
  document_id INTEGER REFERENCES documents (id) ON DELETE CASCADE,
  code_id INTEGER REFERENCES codes (id) ON DELETE CASCADE,
  title TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (document_id IS NULL OR code_id IS NULL)
) STRICT;
CREATE INDEX memos_document ON memos (document_id);
CREATE INDEX memos_code ON memos (code_id);

-- Undo/redo journal: each entry holds the row changes of one user action, applied in reverse to undo.
CREATE TABLE undo_entries (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  changes TEXT NOT NULL CHECK (json_valid(changes)),
  undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;
