-- Word-form matching ("NGO" finds "NGOs", as NVivo's stemmed words): a second index over the same
-- documents whose tokens go through FTS5's English Porter stemmer. Exact search keeps documents_fts;
-- each query chooses. Numbered after the shipped ones (0120, 0130): a project already at a higher schema would skip a lower one.
CREATE VIRTUAL TABLE documents_fts_stem USING fts5 (
  title,
  text,
  content = 'documents',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO documents_fts_stem (rowid, title, text) SELECT id, title, text FROM documents;
CREATE TRIGGER documents_fts_stem_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts_stem (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_fts_stem_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts_stem (documents_fts_stem, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER documents_fts_stem_update AFTER UPDATE OF title, text ON documents BEGIN
  INSERT INTO documents_fts_stem (documents_fts_stem, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO documents_fts_stem (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
