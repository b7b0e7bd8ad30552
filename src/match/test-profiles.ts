import type { Profile, ProfileSkill } from "../documents/profile.js";
import { loadKnowledge } from "../knowledge/load.js";
import type { KnowledgePack } from "../knowledge/schema.js";

const pack: KnowledgePack = loadKnowledge();

/** A profile that claims exactly these skills, each seen in a job: the unit of fit and plan tests. */
export function profileWith(ids: string[], extra: Partial<Profile> = {}): Profile {
  const skills: ProfileSkill[] = ids.map((id) => {
    const s = pack.skills.find((x) => x.id === id);
    return {
      id,
      name: s?.name ?? id,
      category: s?.category ?? "library",
      source: "experience",
      sources: ["experience"],
      mentions: [{ start: 0, end: 1, text: id, line: `used ${id}`, source: "experience" }],
    };
  });
  return {
    contact: { name: null, email: null, phone: null, links: [] },
    headline: null,
    skills,
    experience: [],
    education: [],
    certifications: [],
    projects: [],
    years: 0,
    warnings: [],
    document: { format: "text" },
    ...extra,
  };
}
