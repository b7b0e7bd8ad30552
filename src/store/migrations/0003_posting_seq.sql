-- An insertion counter, so a ranking index held in memory can load only the postings stored
-- since it last looked, instead of re-reading the whole table after every ingest.
ALTER TABLE postings ADD COLUMN seq bigserial;
CREATE INDEX postings_seq ON postings (seq);
