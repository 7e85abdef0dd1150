-- Anonymised spans, version 90.
-- Where anonymisation at the door replaced an identifier in a document's text, so the reader can mark
-- the placeholder and reports can say a quote was anonymised. Only the placeholder is kept here: the
-- real string it replaced lives in the encrypted identity key, never in the project.
-- Offsets are UTF-16 units in the stored (anonymised) text, like segments.
CREATE TABLE anonymised_spans (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  start_utf16 INTEGER NOT NULL CHECK (start_utf16 >= 0),
  end_utf16 INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (
    kind IN ('participant', 'person', 'organisation', 'place', 'email', 'phone', 'url', 'postcode', 'date', 'term', 'manual')
  ),
  placeholder TEXT NOT NULL,
  CHECK (start_utf16 < end_utf16)
) STRICT;
CREATE INDEX anonymised_spans_document ON anonymised_spans (document_id, start_utf16);
