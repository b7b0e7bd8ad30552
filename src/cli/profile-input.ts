import { type Profile, profileOfPack } from "../documents/profile.js";
import { createResumeFileReader, MAX_RESUME_BYTES, RESUME_FORMATS, readResumeFile } from "../documents/read-resume.js";
import { readStdin } from "../documents/text.js";
import { AppError, isAppError } from "../errors.js";
import type { PackIndex } from "../knowledge/query.js";
import { createProfileRepository } from "../store/profiles.js";
import type { CliContext } from "./context.js";

/** Today as YYYY-MM and YYYY-MM-DD: the CLI is the edge that may read the clock. */
export const today = (): string => new Date().toISOString().slice(0, 10);
export const thisMonth = (): string => today().slice(0, 7);

/** How commands name a profile saved with `mlpath profile save`. */
export const SAVED_PREFIX = "profile:";

export const PROFILE_INPUT = `a resume (${RESUME_FORMATS}), a profile from \`mlpath resume --json\`, ${SAVED_PREFIX}ID for a saved one, or - for stdin`;

/**
 * A profile as `mlpath resume --json` prints it, or undefined for any other text. One with a field
 * gone wrong (edited by hand) is named by that field: read as a resume, it had been called "not a
 * JSON Resume", which it never was. Only a profile has "document" beside "skills" and "years".
 */
function savedProfileIn(text: string, where: string, index: PackIndex): Profile | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = profileOfPack(index).safeParse(value);
  if (parsed.success) return parsed.data;
  const looksSaved =
    typeof value === "object" && value !== null && "document" in value && "skills" in value && "years" in value;
  if (!looksSaved) return undefined;
  const issue = parsed.error.issues[0];
  throw new AppError(
    "INVALID_INPUT",
    `${where}: a profile whose ${issue?.path.join(".") || "content"} is wrong: ${issue?.message}`,
    { hint: "write it again with `mlpath resume FILE --json`, or fix that field" },
  );
}

/**
 * A profile from a resume of any format, from the JSON that `mlpath resume --json` wrote, or
 * saved in the store (`profile:ID`), or on stdin ("-"). An empty profile is refused: nothing could be said about it.
 */
export async function readProfile(path: string, ctx: Pick<CliContext, "knowledge" | "withStore">): Promise<Profile> {
  const index = ctx.knowledge();
  const pack = index.pack;
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
  } else if (path === "-" || path.endsWith(".json")) {
    // `mlpath resume cv.pdf --json | mlpath fit -`: a profile, or any resume, on stdin or in a
    // .json file; read once, with the resume reader's checks (a missing path, a folder, a size).
    const bytes =
      path === "-"
        ? await readStdin({ bytes: MAX_RESUME_BYTES, hint: "pipe one resume or profile" })
        : readResumeFile(path);
    const where = path === "-" ? "stdin" : path;
    profile =
      savedProfileIn(bytes.toString("utf8"), where, index) ??
      (await createResumeFileReader(pack).fromBytes(bytes, where, thisMonth()));
  }
  profile ??= await createResumeFileReader(pack).fromFile(path, thisMonth());
  if (profile.skills.length === 0 && profile.experience.length === 0) {
    throw new AppError(
      "INVALID_INPUT",
      // Named as the readers name it: "-" had been shown as the place.
      `${path === "-" ? "stdin" : path}: no skills or experience could be read, so there is nothing to match`,
      {
        hint: "check the file is a resume with a text layer (try `mlpath resume FILE`)",
      },
    );
  }
  return profile;
}
