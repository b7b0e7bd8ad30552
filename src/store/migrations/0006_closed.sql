-- When a refreshed job board no longer lists a posting, it is closed, not deleted: its history
-- (skills asked, pay stated) still counts for the market, but it is no longer offered to apply to.
ALTER TABLE postings ADD COLUMN closed_at timestamptz;
CREATE INDEX postings_source ON postings (source);
