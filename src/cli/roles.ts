import type { Command } from "commander";
import pc from "picocolors";
import type { Role } from "../knowledge/schema.js";
import type { CliContext } from "./context.js";
import { money, printJson, table } from "./format.js";

/** The first US median a role carries, the figure the list shows. */
const headlineSalary = (role: Role) => role.salary.find((s) => s.region === "US" && !s.level) ?? role.salary[0];

export function registerRoles(program: Command, ctx: CliContext): void {
  program
    .command("roles")
    .description("list the machine-learning roles in the knowledge pack")
    .option("--json", "print the roles as JSON")
    .action((opts: { json?: boolean }) => {
      const { pack } = ctx.knowledge();
      if (opts.json) return printJson(pack.roles);
      const rows = pack.roles.map((r) => {
        const s = headlineSalary(r);
        const g = r.outlook[0];
        return [
          pc.green(r.id),
          r.name,
          s ? `${money(s.amount, s.currency)} (${s.region} ${s.statistic}, ${s.asOf})` : "-",
          g ? `${g.growthPercent > 0 ? "+" : ""}${g.growthPercent}% ${g.period}` : "-",
        ];
      });
      console.log(table(rows, ["id", "role", "pay", "growth"]));
      console.log(
        pc.dim(`\n${pack.roles.length} roles. Run \`mlpath role ID\` for duties, skills, routes and sources.`),
      );
    });
}
