-- No query reads postings by skill through this index: ranking keeps its own in-memory index,
-- market figures read the aggregates of 0007, and co-occurrence unnests every posting's skills
-- anyway ("$1 = ANY(skills)" is not a GIN search). Keeping it up to date was about a fifth of
-- the embedded store's insert cost (measured on 2,000 prepared postings: 1.33 -> 1.02 ms each).
DROP INDEX IF EXISTS postings_skills;
