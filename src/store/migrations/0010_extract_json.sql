-- The stored ExtractResult is written once and read back whole, never queried inside: plain json
-- (checked, kept as text) instead of jsonb (parsed into a tree and re-encoded on every insert),
-- which was a large share of the embedded store's insert time.
ALTER TABLE postings ALTER COLUMN extract TYPE json USING extract::json;
