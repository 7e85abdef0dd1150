-- Applying a code needs a document's length and a few of its characters, not the whole text (megabytes
-- for a long transcript, read and decoded on every edit). For text without characters beyond U+FFFF,
-- UTF-16 offsets are SQLite's character offsets, so length() and substr() serve. Whether a text is such
-- is worked out the first time it is coded and kept here; a change of the text forgets it.
CREATE TABLE document_text_shape (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  utf16_length INTEGER NOT NULL,
  bmp_only INTEGER NOT NULL CHECK (bmp_only IN (0, 1))
);

CREATE TRIGGER document_text_shape_forget AFTER UPDATE OF text ON documents BEGIN
  DELETE FROM document_text_shape WHERE document_id = new.id;
END;
