-- The codebook's counts (segments and documents per code) counted a million segments through the
-- segments' code index on every codes.list: 0.3–1.4 s at 10×, asked for after each coding, so a quick
-- second keypress waited behind it. Kept by triggers like the documents' (0150) and coders' (0160)
-- counts: one row per code and document it is applied in; a code's documents are its rows, its
-- segments their sum. No foreign keys, as in 0150: a recovered file rebuilds the table from its segments.
CREATE TABLE code_document_counts (
  code_id INTEGER NOT NULL,
  document_id INTEGER NOT NULL,
  segments INTEGER NOT NULL CHECK (segments >= 0),
  PRIMARY KEY (code_id, document_id)
) STRICT, WITHOUT ROWID;
INSERT INTO code_document_counts (code_id, document_id, segments)
  SELECT code_id, document_id, count(*) FROM segments GROUP BY code_id, document_id;

CREATE TRIGGER code_document_counts_insert AFTER INSERT ON segments BEGIN
  INSERT INTO code_document_counts (code_id, document_id, segments) VALUES (new.code_id, new.document_id, 1)
    ON CONFLICT (code_id, document_id) DO UPDATE SET segments = segments + 1;
END;
CREATE TRIGGER code_document_counts_delete AFTER DELETE ON segments BEGIN
  UPDATE code_document_counts SET segments = segments - 1
    WHERE code_id = old.code_id AND document_id = old.document_id;
  DELETE FROM code_document_counts
    WHERE code_id = old.code_id AND document_id = old.document_id AND segments = 0;
END;
CREATE TRIGGER code_document_counts_move AFTER UPDATE OF code_id, document_id ON segments
  WHEN new.code_id IS NOT old.code_id OR new.document_id IS NOT old.document_id BEGIN
  UPDATE code_document_counts SET segments = segments - 1
    WHERE code_id = old.code_id AND document_id = old.document_id;
  DELETE FROM code_document_counts
    WHERE code_id = old.code_id AND document_id = old.document_id AND segments = 0;
  INSERT INTO code_document_counts (code_id, document_id, segments) VALUES (new.code_id, new.document_id, 1)
    ON CONFLICT (code_id, document_id) DO UPDATE SET segments = segments + 1;
END;
CREATE TRIGGER code_document_counts_forget_code AFTER DELETE ON codes BEGIN
  DELETE FROM code_document_counts WHERE code_id = old.id;
END;
CREATE TRIGGER code_document_counts_forget_document AFTER DELETE ON documents BEGIN
  DELETE FROM code_document_counts WHERE document_id = old.id;
END;
