import { basename } from "node:path";
import type { Command } from "commander";
import { RESUME_FORMATS } from "../documents/read-resume.js";
import { AppError } from "../errors.js";
import { createProfileRepository, MAX_PROFILE_NAME } from "../store/profiles.js";
import type { CliContext } from "./context.js";
import { printable, printJson, table } from "./format.js";
import { readProfile, SAVED_PREFIX } from "./profile-input.js";
import { renderProfile } from "./resume.js";

/** A name as one printable line: escape codes in it had reached the terminal, line breaks split the table. */
const oneLine = (name: string) => printable(name).replace(/[\n\t\r]/g, " ");

export function registerProfile(program: Command, ctx: CliContext): void {
  const profile = program
    .command("profile")
    .description("save a resume's profile in the store to reuse it (profile:ID), list, show or delete saved ones");
  profile
    .command("save")
    .description("read a resume and save its profile; nothing is kept unless you do this")
    .argument("<file>", `a resume (${RESUME_FORMATS}), a profile from \`mlpath resume --json\`, or - for stdin`)
    .option("--name <name>", "a name to know it by (default: the file name; from stdin, the name on the resume)")
    .option("--json", "print { id, name } as JSON")
    .action(async (file: string, opts: { name?: string; json?: boolean }) => {
      if (file.startsWith(SAVED_PREFIX)) throw new AppError("INVALID_INPUT", `${file} is already saved`);
      // As the API takes them: "" had been saved, and 5,000 characters cut to 200 without a word.
      if (opts.name !== undefined && !opts.name.trim())
        throw new AppError("INVALID_INPUT", "--name must not be empty", { hint: "leave it out to use the file name" });
      if (opts.name !== undefined && opts.name.length > MAX_PROFILE_NAME)
        throw new AppError("INVALID_INPUT", `--name is ${opts.name.length} characters; at most ${MAX_PROFILE_NAME}`);
      const read = await readProfile(file, ctx);
      // Read from stdin, it had been named "-", which tells one saved profile from no other.
      const name = (
        opts.name ?? (file === "-" ? (read.contact.name ?? "resume read from stdin") : basename(file))
      ).slice(0, MAX_PROFILE_NAME);
      const id = await ctx.withStore((db) => createProfileRepository(db).save(read, name));
      if (opts.json) return printJson({ id, name });
      console.log(`saved as ${SAVED_PREFIX}${id} ("${oneLine(name)}"); use it as: mlpath fit ${SAVED_PREFIX}${id}`);
    });
  profile
    .command("list")
    .description("the saved profiles")
    .option("--json", "print them as JSON")
    .action(async (opts: { json?: boolean }) => {
      const saved = await ctx.withStore((db) => createProfileRepository(db).list());
      if (opts.json) return printJson(saved);
      if (saved.length === 0) return console.log("no saved profiles (save one with `mlpath profile save FILE`)");
      console.log(
        table(
          saved.map((p) => [`${SAVED_PREFIX}${p.id}`, oneLine(p.name), String(p.skills), p.createdAt.slice(0, 10)]),
          ["profile", "name", "skills", "saved"],
        ),
      );
    });
  profile
    .command("show")
    .description("print a saved profile")
    .argument("<id>", "its id, with or without the profile: prefix")
    .option("--json", "print it as JSON")
    .action(async (id: string, opts: { json?: boolean }) => {
      const saved = await readProfile(`${SAVED_PREFIX}${id.replace(SAVED_PREFIX, "")}`, ctx);
      if (opts.json) return printJson(saved);
      console.log(renderProfile(saved));
    });
  profile
    .command("delete")
    .description("delete a saved profile and everything derived from it")
    .argument("<id>", "its id, with or without the profile: prefix")
    .option("--json", "print { id, deleted } as JSON")
    .action(async (raw: string, opts: { json?: boolean }) => {
      const id = raw.replace(SAVED_PREFIX, "");
      const deleted = await ctx.withStore((db) => createProfileRepository(db).remove(id));
      if (!deleted)
        throw new AppError("NOT_FOUND", `no saved profile "${id}"`, { hint: "list them with `mlpath profile list`" });
      if (opts.json) return printJson({ id, deleted });
      console.log(`deleted ${SAVED_PREFIX}${id} and everything derived from it`);
    });
}
