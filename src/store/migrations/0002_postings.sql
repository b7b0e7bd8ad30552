-- Job postings with what extraction read from them. Skills are kept as an array of skill ids
-- with a GIN index, so "postings asking for any of these skills" is an index scan in PGlite and
-- PostgreSQL alike, with no extension.
CREATE TABLE companies (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  norm_name text NOT NULL UNIQUE
);

CREATE TABLE postings (
  -- A hash of the source and its own id (or of the text when it has none): re-ingesting a
  -- posting finds the same key, which is what makes ingest idempotent.
  id text PRIMARY KEY,
  source text NOT NULL,
  external_id text,
  title text NOT NULL,
  norm_title text NOT NULL,
  company_id bigint REFERENCES companies (id),
  location text,
  country text,
  remote boolean,
  url text,
  posted_at date,
  description text NOT NULL,
  role_id text,
  seniority text,
  min_years real,
  degree text,
  salary_min real,
  salary_max real,
  salary_currency text,
  salary_period text,
  skills text[] NOT NULL DEFAULT '{}',
  required_skills text[] NOT NULL DEFAULT '{}',
  minhash integer[] NOT NULL,
  -- Set when a near-identical posting of the same company and title was stored first.
  duplicate_of text REFERENCES postings (id),
  extract jsonb NOT NULL,
  ingested_at timestamptz NOT NULL DEFAULT now(),
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B')
  ) STORED
);

CREATE INDEX postings_skills ON postings USING gin (skills);
CREATE INDEX postings_search ON postings USING gin (search);
CREATE INDEX postings_company_title ON postings (company_id, norm_title);
CREATE INDEX postings_role ON postings (role_id) WHERE duplicate_of IS NULL;
