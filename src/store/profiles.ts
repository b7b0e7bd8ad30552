import { randomBytes } from "node:crypto";
import { Profile } from "../documents/profile.js";
import { AppError } from "../errors.js";
import { LONE_SURROGATE } from "../text/surrogates.js";
import type { Db } from "./db.js";

/** How long a saved profile's name may be, for the CLI and the API alike. */
export const MAX_PROFILE_NAME = 200;

export interface SavedProfile {
  id: string;
  name: string;
  createdAt: string;
  skills: number;
}

/**
 * Text PostgreSQL will hold: no NUL (a PDF's text layer may carry it), and a lone surrogate (half
 * an emoji, as a hand-edited profile's "\ud83d"; the API refuses one and the resume readers write
 * none) as U+FFFD. JSON.stringify writes a lone surrogate as its escape, which jsonb refuses, so a
 * save failed as an internal error.
 */
const storable = (text: string): string => text.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\ufffd");

/** Saved profiles: the only personal data mlpath keeps, and only when asked to. */
export function createProfileRepository(db: Db) {
  /** Saves a profile with its skills in one transaction, so a crash keeps all of it or none. */
  async function save(profile: Profile, name: string): Promise<string> {
    const id = randomBytes(6).toString("hex");
    const json = JSON.stringify(profile, (_, v) => (typeof v === "string" ? storable(v) : v));
    const label = storable(name);
    await db.transaction(async (tx) => {
      await tx.query("INSERT INTO profiles (id, name, profile) VALUES ($1, $2, $3)", [id, label, json]);
      await tx.query(
        "INSERT INTO profile_skills (profile_id, skill_id) SELECT $1, s FROM unnest($2::text[]) AS s ON CONFLICT DO NOTHING",
        [id, [...new Set(profile.skills.map((s) => s.id))]],
      );
    });
    return id;
  }

  async function get(id: string): Promise<Profile> {
    const r = await db.query<{ profile: unknown }>("SELECT profile FROM profiles WHERE id = $1", [id]);
    const row = r.rows[0];
    if (!row) {
      throw new AppError("NOT_FOUND", `no saved profile "${id}"`);
    }
    const value = typeof row.profile === "string" ? JSON.parse(row.profile) : row.profile;
    // Saved under an older, looser schema (a month 99 was once taken): said, not a crash.
    const parsed = Profile.safeParse(value);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new AppError(
      "INVALID_INPUT",
      `the saved profile "${id}" no longer reads: ${issue?.path.join(".")}: ${issue?.message}`,
      {
        hint: "delete it and save it again from the resume",
      },
    );
  }

  async function list(): Promise<SavedProfile[]> {
    const r = await db.query<{ id: string; name: string; created_at: Date; skills: string }>(
      `SELECT p.id, p.name, p.created_at, count(s.skill_id) AS skills
         FROM profiles p LEFT JOIN profile_skills s ON s.profile_id = p.id
        GROUP BY p.id ORDER BY p.created_at, p.id`,
    );
    return r.rows.map((x) => ({
      id: x.id,
      name: x.name,
      createdAt: new Date(x.created_at).toISOString(),
      skills: Number(x.skills),
    }));
  }

  /** Deletes the profile and, by cascade, everything derived from it; false when there was none. */
  async function remove(id: string): Promise<boolean> {
    const r = await db.query<{ id: string }>("DELETE FROM profiles WHERE id = $1 RETURNING id", [id]);
    return r.rows.length > 0;
  }

  return { save, get, list, remove };
}
export type ProfileRepository = ReturnType<typeof createProfileRepository>;
