import type { Command } from "commander";
import { appliedMigrations } from "../store/db.js";
import type { CliContext } from "./context.js";
import { printJson, table } from "./format.js";

export function registerStore(program: Command, ctx: CliContext): void {
  const store = program.command("store").description("the database mlpath keeps its data in");
  store
    .command("status")
    .description("open the store (creating and migrating it if needed) and show where it is")
    .option("--json", "print the status as JSON")
    .action(async (opts: { json?: boolean }) => {
      await ctx.withStore(async (db) => {
        const migrations = await appliedMigrations(db);
        const status = { kind: db.kind, location: db.location, migrations };
        if (opts.json) return printJson(status);
        console.log(`store: ${db.kind} at ${db.location}`);
        console.log(
          table(
            migrations.map((m) => [m.version, m.name, m.applied_at.toISOString()]),
            ["migration", "name", "applied"],
          ),
        );
      });
    });
}
