-- Each coder's segment count (the team panel and the reader's coder views, asked for as a project
-- opens) counted a quarter of a million index entries per coder at a million segments: ~1 s before
-- the documents list could load. Kept by triggers like the documents' counts (0150). No foreign key,
-- for the same reason: a recovered file copies segments whose coder row may be lost.
-- A coder without segments has no row, as in 0150.
CREATE TABLE coder_segment_counts (
  coder_id INTEGER PRIMARY KEY,
  segments INTEGER NOT NULL CHECK (segments >= 0)
) STRICT;
INSERT INTO coder_segment_counts (coder_id, segments)
  SELECT coder_id, count(*) FROM segments GROUP BY coder_id;

CREATE TRIGGER coder_segment_counts_insert AFTER INSERT ON segments BEGIN
  INSERT INTO coder_segment_counts (coder_id, segments) VALUES (new.coder_id, 1)
    ON CONFLICT (coder_id) DO UPDATE SET segments = segments + 1;
END;
CREATE TRIGGER coder_segment_counts_delete AFTER DELETE ON segments BEGIN
  UPDATE coder_segment_counts SET segments = segments - 1 WHERE coder_id = old.coder_id;
  DELETE FROM coder_segment_counts WHERE coder_id = old.coder_id AND segments = 0;
END;
CREATE TRIGGER coder_segment_counts_move AFTER UPDATE OF coder_id ON segments
  WHEN new.coder_id IS NOT old.coder_id BEGIN
  UPDATE coder_segment_counts SET segments = segments - 1 WHERE coder_id = old.coder_id;
  DELETE FROM coder_segment_counts WHERE coder_id = old.coder_id AND segments = 0;
  INSERT INTO coder_segment_counts (coder_id, segments) VALUES (new.coder_id, 1)
    ON CONFLICT (coder_id) DO UPDATE SET segments = segments + 1;
END;
CREATE TRIGGER coder_segment_counts_forget AFTER DELETE ON coders BEGIN
  DELETE FROM coder_segment_counts WHERE coder_id = old.id;
END;
