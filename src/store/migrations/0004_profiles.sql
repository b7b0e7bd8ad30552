-- Profiles a person chose to save (nothing is kept unless they do), and what is derived from
-- them. Deleting a profile deletes everything derived from it, by the foreign keys.
CREATE TABLE profiles (
  id text PRIMARY KEY,
  name text NOT NULL,
  profile jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE profile_skills (
  profile_id text NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
  skill_id text NOT NULL,
  PRIMARY KEY (profile_id, skill_id)
);
