import { z } from "zod";
import { AppError } from "./errors.js";

/** The environment mlpath reads, validated once at start-up and passed down as a value. */
const Env = z.object({
  MLPATH_DB: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//i, "must start with postgres:// or postgresql://")
    .optional(),
  MLPATH_KNOWLEDGE: z.string().min(1).optional(),
  MLPATH_DEBUG: z.string().optional(),
  /** Required by `mlpath serve` when it listens beyond this machine. */
  MLPATH_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** Job boards `mlpath worker --schedule` re-polls daily: "greenhouse:acme,lever:globex". */
  MLPATH_BOARDS: z
    .string()
    .regex(/^[a-z]+:[A-Za-z0-9._-]+(,[a-z]+:[A-Za-z0-9._-]+)*$/, "must be PROVIDER:BOARD[,PROVIDER:BOARD...]")
    .optional(),
});
export type Config = z.infer<typeof Env>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means unset, as shells commonly export them that way.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("INVALID_INPUT", `environment variable ${String(issue?.path[0])} ${issue?.message}`, {
      hint: "fix or unset it",
    });
  }
  return parsed.data;
}
