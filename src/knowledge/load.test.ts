import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../errors.js";
import { defaultKnowledgeDir, loadKnowledge, writeKnowledgeCache } from "./load.js";
import { CORE_ROLE_IDS, SKILL_CATEGORIES } from "./schema.js";

describe("the shipped knowledge pack", () => {
  const pack = loadKnowledge();
  const sources = new Map(pack.sources.map((s) => [s.id, s]));

  it("has every role id of the design, each with duties, skills, titles and a ladder", () => {
    expect(pack.roles.map((r) => r.id)).toEqual(expect.arrayContaining([...CORE_ROLE_IDS]));
    for (const role of pack.roles) {
      expect(role.duties.length, role.id).toBeGreaterThanOrEqual(5);
      expect(role.skills.required.length, role.id).toBeGreaterThanOrEqual(3);
      expect(role.titles.length, role.id).toBeGreaterThan(0);
    }
  });

  it("has at least 400 skills spread over every category", () => {
    expect(pack.skills.length).toBeGreaterThanOrEqual(400);
    const categories = new Set(pack.skills.map((s) => s.category));
    expect([...categories].sort()).toEqual([...SKILL_CATEGORIES].sort());
    const withAliases = pack.skills.filter((s) => s.aliases.length > 0).length;
    expect(withAliases / pack.skills.length).toBeGreaterThan(0.8);
  });

  it("keeps 'soft' out of every hard-skill category name", () => {
    // The maintainers' scorer drops predictions whose category matches this, as soft skills.
    const softLooking = SKILL_CATEGORIES.filter((c) => /soft|transversal|interpersonal/i.test(c));
    expect(softLooking).toEqual(["soft-skill"]);
  });

  it("names the aliases the extraction engine depends on", () => {
    const byAlias = new Map<string, string>();
    for (const s of pack.skills) for (const a of [s.name, ...s.aliases]) byAlias.set(a.toLowerCase(), s.id);
    expect(byAlias.get("sklearn")).toBe("scikit-learn");
    expect(byAlias.get("k8s")).toBe("kubernetes");
    expect(byAlias.get("google cloud platform")).toBe("gcp");
    expect(byAlias.get("ml")).toBe("machine-learning");
    expect(byAlias.get("c++")).toBe("cpp");
  });

  it("keeps rival products apart, so a resume naming one is not credited with the other", () => {
    const byName = new Map<string, string>();
    for (const s of pack.skills) for (const a of [s.name, ...s.aliases]) byName.set(a.toLowerCase(), s.id);
    const rivals = [
      ["nagios", "zabbix"],
      ["circleci", "travis ci"],
      ["rabbitmq", "activemq"],
      ["jaeger", "opentelemetry"],
      ["lucidchart", "visio"],
    ];
    for (const [a, b] of rivals) {
      expect(byName.get(b as string), b).toBeDefined();
      expect(byName.get(a as string), `${a} / ${b}`).not.toBe(byName.get(b as string));
    }
  });

  it("matches a tool named by an everyday word only in its written case", () => {
    // Lower case, these are the English word or a language feature ("glue code", "lambda functions"),
    // and any-case aliases are matched anywhere in a posting or resume.
    const everyday = ["glue", "lambda", "puppet", "envoy", "kong"];
    for (const s of pack.skills)
      for (const name of [s.name, ...s.aliases])
        if (everyday.includes(name.toLowerCase())) expect(s.caseSensitive, `${s.id}: ${name}`).toContain(name);
  });

  it("cites a source with publisher, title and date for every salary and growth figure", () => {
    const facts = pack.roles.flatMap((r) => [...r.salary, ...r.outlook]);
    expect(facts.length).toBeGreaterThan(pack.roles.length);
    for (const f of facts) {
      const s = sources.get(f.source);
      expect(s, f.label).toBeDefined();
      expect(s?.publisher && s.title && s.date).toBeTruthy();
    }
    for (const ind of pack.industries) for (const f of ind.figures) expect(sources.has(f.source)).toBe(true);
    for (const route of pack.education) expect(sources.has(route.source)).toBe(true);
  });

  it("offers at least one learning resource for most role skills", () => {
    const taught = new Set(pack.resources.flatMap((r) => r.skills));
    const needed = new Set(pack.roles.flatMap((r) => r.skills.required.map((s) => s.skill)));
    const covered = [...needed].filter((id) => taught.has(id)).length;
    expect(covered / needed.size).toBeGreaterThan(0.8);
  });

  it("offers a resource for every skill a role's plan can ask for, prerequisites included", () => {
    // A plan step with no resource left the learner with a skill name and a number of hours.
    const taught = new Set(pack.resources.flatMap((r) => r.skills));
    const prerequisites = new Map(pack.skills.map((s) => [s.id, s.prerequisites]));
    for (const role of pack.roles) {
      const planned = new Set<string>();
      const visit = (id: string) => {
        if (planned.has(id)) return;
        planned.add(id);
        for (const p of prerequisites.get(id) ?? []) visit(p);
      };
      for (const r of [...role.skills.required, ...role.skills.preferred]) visit(r.skill);
      expect(
        [...planned].filter((id) => !taught.has(id)),
        role.id,
      ).toEqual([]);
    }
  });

  it("lists communities for every role, for networking steps", () => {
    for (const role of pack.roles) {
      expect(pack.communities.filter((c) => c.roles.includes(role.id)).length, role.id).toBeGreaterThanOrEqual(2);
    }
  });
});

describe("loadKnowledge on broken packs", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const broken = (file: string, edit: (text: string) => string) => {
    const dir = mkdtempSync(join(tmpdir(), "mlpath-knowledge-"));
    dirs.push(dir);
    cpSync(defaultKnowledgeDir(), dir, { recursive: true });
    writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), "utf8")));
    return dir;
  };
  const errorOf = (dir: string) => {
    try {
      loadKnowledge(dir);
    } catch (e) {
      return e;
    }
    throw new Error("expected loadKnowledge to fail");
  };

  it("names the file and line of a YAML syntax error", () => {
    const e = errorOf(broken("roles/ml-engineer.yaml", (t) => `${t}\n  - : : [unclosed\n`));
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("INVALID_KNOWLEDGE");
    expect((e as AppError).message).toMatch(/ml-engineer\.yaml:\d+: not valid YAML/);
  });

  it("names the file and field of a schema violation", () => {
    const e = errorOf(broken("roles/data-analyst.yaml", (t) => t.replace(/^name: .*$/m, "name: 42")));
    expect((e as AppError).message).toMatch(/data-analyst\.yaml: name: /);
  });

  it("refuses a name of more than one line, which broke a plan's Markdown heading", () => {
    const e = errorOf(broken("roles/ml-engineer.yaml", (t) => t.replace(/^name: .*$/m, 'name: "ML Eng\\r\\nLine2"')));
    expect((e as AppError).message).toMatch(/ml-engineer\.yaml: name: must be one line of text/);
  });

  it("names the file and item of a broken reference", () => {
    const e = errorOf(broken("roles/data-scientist.yaml", (t) => t.replace(/skill: python\b/, "skill: pythonn")));
    expect((e as AppError).message).toMatch(
      /data-scientist\.yaml: role data-scientist\.skills\.\w+: unknown skill id "pythonn"/,
    );
  });

  it("names the file and group of an alternative that is no skill", () => {
    const e = errorOf(broken("alternatives.yaml", (t) => t.replace("vertex-ai,", "vertex-aj,")));
    expect((e as AppError).message).toMatch(
      /alternatives\.yaml: alternative group cloud-ml-platforms\.skills: unknown skill id "vertex-aj"/,
    );
  });

  it("names the file and field of a group of alternatives without a note", () => {
    const e = errorOf(broken("alternatives.yaml", (t) => t.replace(/^ {4}note: .*\n/m, "")));
    expect((e as AppError).message).toMatch(/alternatives\.yaml: groups\[0\]\.note: /);
  });

  it("rejects a folder that does not exist", () => {
    expect(() => loadKnowledge("/nonexistent/knowledge")).toThrow(/knowledge folder not found/);
  });

  it("rejects a folder without roles/ and skills/, and a file, which loaded as an empty pack", () => {
    const dir = mkdtempSync(join(tmpdir(), "mlpath-knowledge-"));
    dirs.push(dir);
    mkdirSync(join(dir, "skills"));
    expect(() => loadKnowledge(dir)).toThrow(/is no knowledge folder: it has no roles\/$/);
    const file = join(dir, "notes.txt");
    writeFileSync(file, "x");
    expect(() => loadKnowledge(file)).toThrow(/is no knowledge folder: it has no roles\/ or skills\/$/);
  });
});

describe("the pack cache the build writes", () => {
  const dir = mkdtempSync(join(tmpdir(), "mlpath-pack-cache-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cache = join(dir, "pack-cache.json");
  writeKnowledgeCache(defaultKnowledgeDir(), cache);
  const fresh = loadKnowledge(defaultKnowledgeDir(), { cache: false });

  it("gives the pack the YAML gives, without parsing it", () => {
    // The cache is what is read: a marked copy of it comes back as it is.
    const marked = JSON.parse(readFileSync(cache, "utf8"));
    marked.pack.roles[0].name = "From the cache";
    const copy = join(dir, "marked.json");
    writeFileSync(copy, JSON.stringify(marked));
    expect(loadKnowledge(defaultKnowledgeDir(), { cache: copy }).roles[0]?.name).toBe("From the cache");
    expect(loadKnowledge(defaultKnowledgeDir(), { cache })).toEqual(fresh);
  });

  it("is passed over for a pack whose files differ, and when it is unreadable", () => {
    const edited = join(dir, "edited");
    cpSync(defaultKnowledgeDir(), edited, { recursive: true });
    const file = join(edited, "roles", "ml-engineer.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^name: .*$/m, "name: Edited Engineer"));
    expect(loadKnowledge(edited, { cache }).roles.find((r) => r.id === "ml-engineer")?.name).toBe("Edited Engineer");
    const broken = join(dir, "broken.json");
    writeFileSync(broken, "{ not json");
    expect(loadKnowledge(defaultKnowledgeDir(), { cache: broken })).toEqual(fresh);
  });
});
