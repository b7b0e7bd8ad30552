-- The employer's industry as the source labels it, and the knowledge pack's industry it maps to,
-- for market figures by industry.
ALTER TABLE postings ADD COLUMN industry text;
ALTER TABLE postings ADD COLUMN industry_id text;
CREATE INDEX postings_industry ON postings (industry_id) WHERE duplicate_of IS NULL;
