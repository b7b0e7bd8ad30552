import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { readConfig } from "../config.js";
import { ERROR_CODES, isAppError } from "../errors.js";
import { createContext, type GlobalOptions } from "./context.js";
import { registerDemo } from "./demo.js";
import { registerExtract } from "./extract.js";
import { registerFit } from "./fit.js";
import { registerIngest } from "./ingest.js";
import { registerJobs } from "./jobs.js";
import { registerMarket } from "./market.js";
import { registerPlan } from "./plan.js";
import { registerProfile } from "./profile.js";
import { registerResume } from "./resume.js";
import { registerRole } from "./role.js";
import { registerRoles } from "./roles.js";
import { registerSalary } from "./salary.js";
import { registerServe } from "./serve.js";
import { registerSkills } from "./skills.js";
import { registerStore } from "./store.js";
import { registerWorker } from "./worker.js";

const version = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;

export function buildProgram(): Command {
  const program = new Command("mlpath")
    .description(
      "Careers in machine learning, answered for one person from evidence: roles, skills, fit, gap and plan.",
    )
    .version(version, "-V, --version", "print the version")
    .option(
      "--db <path>",
      `embedded store folder ("memory" keeps nothing), or a postgres:// URL (default: $DATABASE_URL, $MLPATH_DB, ~/.mlpath/db)`,
    )
    .option("--knowledge <dir>", "knowledge pack folder (default: the one shipped with mlpath)")
    .configureHelp({ sortSubcommands: false })
    // Usage errors (a missing option, a choice not offered) throw instead of exiting with 1, so
    // they exit with 2 like every other bad input; subcommands inherit this.
    .exitOverride();
  const ctx = createContext(readConfig(), () => program.opts<GlobalOptions>());
  registerDemo(program, ctx);
  registerRoles(program, ctx);
  registerRole(program, ctx);
  registerSkills(program, ctx);
  registerExtract(program, ctx);
  registerResume(program, ctx);
  registerProfile(program, ctx);
  registerFit(program, ctx);
  registerPlan(program, ctx);
  registerIngest(program, ctx);
  registerWorker(program, ctx);
  registerJobs(program, ctx);
  registerMarket(program, ctx);
  registerSalary(program, ctx);
  registerServe(program, ctx);
  registerStore(program, ctx);
  // A usage error in a subcommand had pointed at `mlpath --help`, which lists none of its options.
  const pointAtHelp = (command: Command, name: string) => {
    command.showHelpAfterError(`(run \`${name} --help\` for usage)`);
    for (const sub of command.commands) pointAtHelp(sub, `${name} ${sub.name()}`);
  };
  pointAtHelp(program, "mlpath");
  return program;
}

/** Turns any failure into one line on stderr and an exit code; stack traces only with MLPATH_DEBUG. */
function reportError(e: unknown): number {
  // Commander has printed its message (or the help or version asked for) already.
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : ERROR_CODES.INVALID_INPUT.exit;
  if (isAppError(e)) {
    process.stderr.write(`mlpath: ${e.message}\n`);
    if (e.hint) process.stderr.write(`  ${e.hint}\n`);
    if (process.env.MLPATH_DEBUG && e.cause) console.error(e.cause);
    return ERROR_CODES[e.code].exit;
  }
  process.stderr.write(`mlpath: unexpected error: ${(e as Error)?.message ?? String(e)}\n`);
  if (process.env.MLPATH_DEBUG) console.error(e);
  else process.stderr.write("  run again with MLPATH_DEBUG=1 for details, and report it if it persists\n");
  return 1;
}

export async function main(argv: string[]): Promise<number> {
  // A closed pipe (`mlpath skills | head`) is a normal way to stop reading, not an error.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
  });
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (e) {
    return reportError(e);
  }
}
