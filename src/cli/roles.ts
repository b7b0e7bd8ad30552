import type { Command } from "commander";
import pc from "picocolors";
import type { Role, SalaryFact } from "../knowledge/schema.js";
import { SURVEY_SOURCE } from "../market/salary-model.js";
import { money } from "../text/money.js";
import type { CliContext } from "./context.js";
import { printJson, table } from "./format.js";

/**
 * A role's US median over all levels, from the salary survey or from another source (the
 * occupation's official wage). The list shows the two apart: one column had mixed them, so data
 * engineer ($145,200, survey) read as better paid than data scientist ($112,590, official), where
 * the survey alone puts data scientist higher.
 */
const usMedian = (role: Role, survey: boolean): SalaryFact | undefined =>
  role.salary.find(
    (s) => s.region === "US" && s.statistic === "median" && !s.level && (s.source === SURVEY_SOURCE) === survey,
  );

export function registerRoles(program: Command, ctx: CliContext): void {
  program
    .command("roles")
    .description("list the machine-learning roles in the knowledge pack")
    .option("--json", "print the roles as JSON")
    .action((opts: { json?: boolean }) => {
      const { pack, sources } = ctx.knowledge();
      if (opts.json) return printJson(pack.roles);
      const column = (survey: boolean) => pack.roles.map((r) => usMedian(r, survey));
      const [surveyed, official] = [column(true), column(false)];
      const pay = (s: SalaryFact | undefined) => (s ? money(s.amount, s.currency) : "-");
      const rows = pack.roles.map((r, i) => {
        const g = r.outlook[0];
        return [
          pc.green(r.id),
          r.name,
          pay(surveyed[i]),
          pay(official[i]),
          g ? `${g.growthPercent > 0 ? "+" : ""}${g.growthPercent}% ${g.period}` : "-",
        ];
      });
      console.log(table(rows, ["id", "role", "survey median", "occupation median", "growth"]));
      // Where each column's figures come from, read from the pack rather than written here.
      const origin = (facts: (SalaryFact | undefined)[]) => {
        const given = facts.filter((f): f is SalaryFact => f !== undefined);
        const publishers = [...new Set(given.map((f) => sources.get(f.source)?.publisher ?? f.source))];
        const dates = [...new Set(given.map((f) => f.asOf))].sort();
        return `${publishers.join(", ")}, ${dates.join(", ")}`;
      };
      console.log(
        pc.dim(
          [
            "",
            `US medians, all levels. survey: self-reported pay of full-time US residents in the role's titles (${origin(surveyed)});`,
            `occupation: the official median wage of the occupation the role is filed under (${origin(official)}).`,
            "The two count different people: compare roles within a column.",
            `${pack.roles.length} roles. Run \`mlpath role ID\` for duties, skills, routes and sources.`,
          ].join("\n"),
        ),
      );
    });
}
