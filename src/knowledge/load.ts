import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml, YAMLParseError } from "yaml";
import type { z } from "zod";
import { AppError } from "../errors.js";
import { checkPack, type Origins, type Problem } from "./check.js";
import {
  AlternativesFile,
  CommunitiesFile,
  EducationFile,
  ExchangeRatesFile,
  IndustriesFile,
  type KnowledgePack,
  ProjectsFile,
  ResourcesFile,
  RoleFile,
  RoleSalariesFile,
  SkillsFile,
  SourcesFile,
} from "./schema.js";
import { withBritishSpellings } from "./spelling.js";

/** The pack shipped with the package: knowledge/ at the package root, two levels above this file. */
export const defaultKnowledgeDir = (): string => fileURLToPath(new URL("../../knowledge/", import.meta.url));

/** `name.yaml` and every `name/*.yaml`, so a kind can live in one file or be split by topic. */
function filesOf(dir: string, name: string): string[] {
  const files: string[] = [];
  const single = join(dir, `${name}.yaml`);
  if (existsSync(single)) files.push(single);
  const folder = join(dir, name);
  if (existsSync(folder)) {
    for (const f of readdirSync(folder).sort()) if (f.endsWith(".yaml")) files.push(join(folder, f));
  }
  return files;
}

const formatPath = (path: PropertyKey[]): string =>
  path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`)).join("");

function readYaml<S extends z.ZodType>(file: string, schema: S, shown: string): z.infer<S> {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, "utf8"));
  } catch (e) {
    const line = e instanceof YAMLParseError && e.linePos ? `:${e.linePos[0].line}` : "";
    throw new AppError(
      "INVALID_KNOWLEDGE",
      `${shown}${line}: not valid YAML (${(e as Error).message.split("\n")[0]})`,
      {
        cause: e,
        hint: "fix the file or restore it from the package",
      },
    );
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? formatPath(issue.path) : "";
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : "";
    throw new AppError("INVALID_KNOWLEDGE", `${shown}: ${where || "(root)"}: ${issue?.message ?? "invalid"}${more}`, {
      hint: "fix the field named above",
    });
  }
  return parsed.data;
}

const isFolder = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // missing, or a file where a folder was expected on the way (ENOTDIR)
  }
};

/**
 * The bundled pack as the build read and checked it (scripts/knowledge-cache.mjs), beside the
 * compiled loader: parsing 670 KB of YAML and validating it took ~1.7 s of every command, JSON
 * ~15 ms. It serves any folder whose files hash the same, so an edited pack is read afresh.
 */
const PACK_CACHE = fileURLToPath(new URL("./pack-cache.json", import.meta.url));

/** Every YAML file below the folder, in a fixed order, with its bytes: what a pack is made of. */
function packHash(root: string): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith(".yaml"))
        hash
          .update(`${relative(root, path)}\0`)
          .update(readFileSync(path))
          .update("\0");
    }
  };
  walk(root);
  return hash.digest("hex");
}

/** The cached pack when its hash is the folder's; the YAML is hashed only when there is a cache to compare. */
function readPackCache(file: string, root: string): KnowledgePack | undefined {
  let cached: { hash?: string; pack?: KnowledgePack };
  try {
    cached = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined; // none (run from sources), or unreadable: the YAML is the truth
  }
  return cached.hash === packHash(root) ? cached.pack : undefined;
}

/** Reads, checks and caches the pack in `dir` for loadKnowledge; run by the build. */
export function writeKnowledgeCache(dir: string = defaultKnowledgeDir(), file: string = PACK_CACHE): void {
  const pack = loadKnowledge(dir, { cache: false });
  writeFileSync(file, JSON.stringify({ hash: packHash(resolve(dir)), pack }));
}

/**
 * Reads and validates the knowledge pack: each file against its zod schema, then the whole pack
 * for broken references and cycles. Throws one AppError that names the file and field. A pack the
 * build has already checked, byte for byte, is read from its cache.
 */
export function loadKnowledge(
  dir: string = defaultKnowledgeDir(),
  { cache = true as boolean | string } = {},
): KnowledgePack {
  const root = resolve(dir);
  if (!existsSync(root)) {
    throw new AppError("INVALID_KNOWLEDGE", `knowledge folder not found: ${root}`, {
      hint: "reinstall mlpath or pass the folder that holds roles/ and skills/",
    });
  }
  // A folder without the two that everything reads is no pack (a file, or the wrong folder): it had
  // loaded as an empty one, so `mlpath roles` printed "0 roles." and exited 0.
  const missing = ["roles", "skills"].filter((name) => !isFolder(join(root, name)));
  if (missing.length > 0) {
    throw new AppError(
      "INVALID_KNOWLEDGE",
      `${root} is no knowledge folder: it has no ${missing.map((m) => `${m}/`).join(" or ")}`,
      {
        hint: "pass the folder that holds roles/ and skills/, or leave --knowledge out for the bundled pack",
      },
    );
  }
  if (cache !== false) {
    const cached = readPackCache(cache === true ? PACK_CACHE : cache, root);
    if (cached) return cached;
  }
  const origins: Origins = new Map();
  const shown = (f: string) => relative(process.cwd(), f) || f;
  const collect = <S extends z.ZodType, T extends object>(name: string, schema: S, pick: (v: z.infer<S>) => T[]) =>
    filesOf(root, name).flatMap((file) => {
      const items = pick(readYaml(file, schema, shown(file)));
      for (const item of items) origins.set(item, shown(file));
      return items;
    });

  const pack: KnowledgePack = {
    sources: collect("sources", SourcesFile, (f) => f.sources),
    skills: collect("skills", SkillsFile, (f) => f.skills),
    roles: collect("roles", RoleFile, (f) => [f]),
    education: collect("education", EducationFile, (f) => f.routes),
    resources: collect("resources", ResourcesFile, (f) => f.resources),
    communities: collect("communities", CommunitiesFile, (f) => f.communities),
    industries: collect("industries", IndustriesFile, (f) => f.industries),
    projects: collect("projects", ProjectsFile, (f) => f.projects),
    exchangeRates: collect("exchange-rates", ExchangeRatesFile, (f) => f.rates),
    alternatives: collect("alternatives", AlternativesFile, (f) => f.groups),
  };
  for (const { role: id, ...fact } of collect("salaries", RoleSalariesFile, (f) => f.salaries)) {
    const role = pack.roles.find((r) => r.id === id);
    if (!role)
      throw packError([
        { file: "knowledge/salaries", where: `salary ${fact.label}`, message: `unknown role id "${id}"` },
      ]);
    role.salary.push(fact);
  }
  const problems = checkPack(pack, origins);
  if (problems.length > 0) throw packError(problems);
  // Added once the pack is checked, so a problem names what its author wrote.
  return { ...pack, skills: withBritishSpellings(pack.skills) };
}

function packError(problems: Problem[]): AppError {
  const [first] = problems as [Problem, ...Problem[]];
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : "";
  const error = new AppError("INVALID_KNOWLEDGE", `${first.file}: ${first.where}: ${first.message}${more}`, {
    hint: "fix the reference named above",
  });
  return Object.assign(error, { problems });
}
