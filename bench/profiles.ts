// The 50 profiles the ranking benchmarks search for: the 18 benchmark and sample resumes, then
// seeded variants of them with a third of their skills dropped, so searches differ.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Profile } from "../src/documents/profile.js";
import { createResumeFileReader } from "../src/documents/read-resume.js";
import type { KnowledgePack } from "../src/knowledge/schema.js";
import { seeded } from "./seeded.js";

export async function benchProfiles(pack: KnowledgePack, count = 50): Promise<Profile[]> {
  const reader = createResumeFileReader(pack);
  const resumeFiles = [
    ...readdirSync(join(import.meta.dirname, "fit-profiles"))
      .filter((f) => f.endsWith(".txt"))
      .map((f) => join(import.meta.dirname, "fit-profiles", f)),
    ...["career-changer", "new-graduate", "software-engineer", "senior-data-scientist"].map((p) =>
      join(import.meta.dirname, "..", "samples", "resumes", `${p}.txt`),
    ),
  ];
  const bases = await Promise.all(resumeFiles.map((f) => reader.fromFile(f, "2026-11")));
  const rng = seeded(7);
  const profiles: Profile[] = [...bases];
  for (let i = 0; profiles.length < count; i++) {
    const base = bases[i % bases.length] as Profile;
    profiles.push({ ...base, skills: base.skills.filter(() => rng() > 0.33) });
  }
  return profiles;
}
