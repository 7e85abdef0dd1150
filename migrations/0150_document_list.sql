-- The documents list at 6,740 documents and a million segments (issue 18): it read every document's
-- row, and the columns after `text` (date, author, word count…) sit behind its overflow pages, so the
-- list read all 130 MB of text; and it counted each document's segments through the segments index.
-- A covering index holds what the list shows, in its order, and a table kept by triggers holds the
-- counts: the list reads ~7,000 small index entries and as many counts, whatever the text or coding.
CREATE INDEX documents_list ON documents (
  title COLLATE NOCASE, id, kind, file_name, format, date, author, page_count, word_count, participant_id,
  imported_at
);

-- No foreign key: a recovered file copies segments whose document may be lost, and a count left for a
-- missing document is never read (the list starts from documents). Deleting a document drops its row.
-- A document without segments has no row, so the table is exactly what the segments say: a segment
-- applied and undone leaves every table as it was.
CREATE TABLE document_segment_counts (
  document_id INTEGER PRIMARY KEY,
  segments INTEGER NOT NULL CHECK (segments >= 0)
) STRICT;
INSERT INTO document_segment_counts (document_id, segments)
  SELECT document_id, count(*) FROM segments GROUP BY document_id;

CREATE TRIGGER document_segment_counts_insert AFTER INSERT ON segments BEGIN
  INSERT INTO document_segment_counts (document_id, segments) VALUES (new.document_id, 1)
    ON CONFLICT (document_id) DO UPDATE SET segments = segments + 1;
END;
CREATE TRIGGER document_segment_counts_delete AFTER DELETE ON segments BEGIN
  UPDATE document_segment_counts SET segments = segments - 1 WHERE document_id = old.document_id;
  DELETE FROM document_segment_counts WHERE document_id = old.document_id AND segments = 0;
END;
CREATE TRIGGER document_segment_counts_move AFTER UPDATE OF document_id ON segments
  WHEN new.document_id IS NOT old.document_id BEGIN
  UPDATE document_segment_counts SET segments = segments - 1 WHERE document_id = old.document_id;
  DELETE FROM document_segment_counts WHERE document_id = old.document_id AND segments = 0;
  INSERT INTO document_segment_counts (document_id, segments) VALUES (new.document_id, 1)
    ON CONFLICT (document_id) DO UPDATE SET segments = segments + 1;
END;
CREATE TRIGGER document_segment_counts_forget AFTER DELETE ON documents BEGIN
  DELETE FROM document_segment_counts WHERE document_id = old.id;
END;
