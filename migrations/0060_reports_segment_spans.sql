-- Reports read each code's spans (document, start, end, coder) for the co-occurrence sweep and the
-- counts; covering them in one index makes those reads sequential index scans, with no lookup of the
-- (wide: quote text, memo, timestamps) table row per segment.
CREATE INDEX segments_code_span ON segments (code_id, document_id, start_utf16, end_utf16, coder_id);
