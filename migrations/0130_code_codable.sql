-- A code can be a heading only: REFI-QDA's isCodable="false" (NVivo's and ATLAS.ti's folders of codes)
-- groups sub-codes and is never applied itself. Every existing code stays applicable.
ALTER TABLE codes ADD COLUMN codable INTEGER NOT NULL DEFAULT 1 CHECK (codable IN (0, 1));
