// The thread that reads uploaded resumes for resume-thread.ts: one file at a time, each answered
// with its profile or with the AppError's parts, which do not survive the message as a class.
import { parentPort, workerData } from "node:worker_threads";
import { isAppError } from "../errors.js";
import type { KnowledgePack } from "../knowledge/schema.js";
import { createResumeFileReader } from "./read-resume.js";

const reader = createResumeFileReader(workerData.pack as KnowledgePack);
parentPort?.on("message", async (job: { id: number; bytes: Uint8Array; where: string; now: string }) => {
  try {
    parentPort?.postMessage({ id: job.id, profile: await reader.fromBytes(job.bytes, job.where, job.now) });
  } catch (e) {
    const error = isAppError(e)
      ? { code: e.code, message: e.message, hint: e.hint }
      : { message: e instanceof Error ? e.message : String(e) };
    parentPort?.postMessage({ id: job.id, error });
  }
});
// Loaded before the first file's deadline starts, which is for reading, not for loading code.
await Promise.all([import("unpdf"), import("mammoth")]);
parentPort?.postMessage({ ready: true });
