-- The reader lays out every segment of the open document (tens of thousands in a dense 200,000-word
-- transcript) from its spans alone. The quote text sits before memo, coder and timestamps in the
-- table row and long quotes spill into overflow pages, so reading spans from the table walked those
-- pages: 90-120 ms for 17,700 segments. This index covers the spans (id is the rowid), ordered as the
-- reader wants them; it replaces segments_document, whose columns are its prefix.
CREATE INDEX segments_document_span ON segments (document_id, start_utf16, end_utf16 DESC, code_id);
DROP INDEX segments_document;
