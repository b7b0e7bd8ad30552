import { type Command, Option } from "commander";
import pc from "picocolors";
import { searchSkills } from "../knowledge/query.js";
import { SKILL_CATEGORIES, type SkillCategory } from "../knowledge/schema.js";
import type { CliContext } from "./context.js";
import { printJson, table } from "./format.js";

export function registerSkills(program: Command, ctx: CliContext): void {
  program
    .command("skills")
    .description("search the skill taxonomy by name or alias (all skills when no query is given)")
    .argument("[query]", "a name, alias or part of one, e.g. sklearn, k8s, regression")
    .addOption(new Option("-c, --category <category>", "only this category").choices(SKILL_CATEGORIES))
    .option("--json", "print the skills as JSON")
    .action((query: string | undefined, opts: { category?: SkillCategory; json?: boolean }) => {
      const index = ctx.knowledge();
      const hits = searchSkills(index.pack, query, opts.category);
      if (opts.json) return printJson(hits.map((h) => h.skill));
      if (hits.length === 0) {
        console.log(`no skill matches "${query}". Try a shorter query or \`mlpath skills\` for all.`);
        return;
      }
      const rows = hits.map(({ skill }) => [
        pc.green(skill.id),
        skill.name,
        skill.category,
        `${skill.hours}h`,
        pc.dim(skill.aliases.slice(0, 4).join(", ")),
      ]);
      console.log(table(rows, ["id", "name", "category", "hours", "aliases"]));
      console.log(pc.dim(`\n${hits.length} of ${index.pack.skills.length} skills`));
    });
}
