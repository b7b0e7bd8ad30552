import { readFileSync } from "node:fs";
import { Profile } from "../documents/profile.js";
import { createResumeFileReader } from "../documents/read-resume.js";
import { AppError, isAppError } from "../errors.js";
import { createProfileRepository } from "../store/profiles.js";
import type { CliContext } from "./context.js";

/** Today as YYYY-MM and YYYY-MM-DD: the CLI is the edge that may read the clock. */
export const today = (): string => new Date().toISOString().slice(0, 10);
export const thisMonth = (): string => today().slice(0, 7);

/** How commands name a profile saved with `mlpath profile save`. */
export const SAVED_PREFIX = "profile:";

/**
 * A profile from a resume of any format, from the JSON that `mlpath resume --json` wrote, or
 * saved in the store (`profile:ID`). An empty profile is refused: nothing could be said about it.
 */
export async function readProfile(path: string, ctx: Pick<CliContext, "knowledge" | "withStore">): Promise<Profile> {
  const pack = ctx.knowledge().pack;
  let profile: Profile | undefined;
  if (path.startsWith(SAVED_PREFIX)) {
    const id = path.slice(SAVED_PREFIX.length);
    profile = await ctx
      .withStore((db) => createProfileRepository(db).get(id))
      .catch((e) => {
        throw isAppError(e) && e.code === "NOT_FOUND"
          ? new AppError("NOT_FOUND", e.message, { hint: "list them with `mlpath profile list`" })
          : e;
      });
  } else if (path.endsWith(".json")) {
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(path, "utf8"));
    } catch {
      value = undefined;
    }
    const parsed = Profile.safeParse(value);
    if (parsed.success) profile = parsed.data;
  }
  profile ??= await createResumeFileReader(pack).fromFile(path, thisMonth());
  if (profile.skills.length === 0 && profile.experience.length === 0) {
    throw new AppError(
      "INVALID_INPUT",
      `${path}: no skills or experience could be read, so there is nothing to match`,
      {
        hint: "check the file is a resume with a text layer (try `mlpath resume FILE`)",
      },
    );
  }
  return profile;
}
