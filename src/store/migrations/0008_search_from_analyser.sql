-- The full-text document is now built by mlpath's own analyser (src/text/fulltext.ts) on the
-- extraction thread and stored as given, instead of computed by to_tsvector on every insert:
-- that computation was most of the embedded store's ingest time. DROP EXPRESSION keeps the
-- vectors already stored. Both analysers stem with Snowball English, so old rows still match
-- ordinary words; but PostgreSQL's parser split "c++", "c#" and "node.js", so a query for those
-- finds old rows only once they are ingested again.
ALTER TABLE postings ALTER COLUMN search DROP EXPRESSION;

-- Each posting adds a few hundred lexemes to the full-text index. A large pending list lets a
-- run of inserts append them cheaply and merge them into the index in bulk (when the list fills,
-- and once at the end of each ingest run via gin_clean_pending_list) rather than posting by
-- posting. Size in kB.
ALTER INDEX postings_search SET (gin_pending_list_limit = 65536);
ALTER INDEX postings_skills SET (gin_pending_list_limit = 16384);
