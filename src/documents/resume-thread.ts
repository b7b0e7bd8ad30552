import type { Worker } from "node:worker_threads";
import { AppError, type ErrorCode } from "../errors.js";
import type { KnowledgePack } from "../knowledge/schema.js";
import { workerScript } from "../worker-script.js";
import type { Profile } from "./profile.js";

/**
 * Far above a real resume: the slowest read here, a dense 36-page PDF, took ~2 s. A 100 KB PDF of
 * drawing operators that inflate to 50 MB had held the server's only thread for ~8 s, and 1 MB of
 * them for minutes; pdf.js and mammoth do all their work without yielding, so no deadline can be
 * kept on the thread that does it.
 */
export const READ_TIMEOUT_MS = 15_000;
/** The reader's JavaScript heap; pdf.js had grown the server to 2 GB on one hostile upload. */
const READ_MEMORY_MB = 768;

interface Reply {
  ready?: true;
  id?: number;
  profile?: Profile;
  error?: { code?: ErrorCode; message: string; hint?: string };
}

/**
 * Reads uploaded resumes on a thread of their own, one at a time, with a deadline and a memory
 * cap: a file built to stall or swell the reader costs that thread, which is replaced, and the
 * server's own thread keeps answering. The bytes are copied to the thread; the profile comes back.
 */
export function createResumeThread(
  pack: KnowledgePack,
  { timeoutMs = READ_TIMEOUT_MS, memoryMb = READ_MEMORY_MB } = {},
) {
  const script = workerScript(import.meta.url, "resume-worker");
  const options = { workerData: { pack }, resourceLimits: { maxOldGenerationSizeMb: memoryMb } };
  let worker: { thread: Worker; ready: Promise<void> } | undefined;
  const spawn = () => {
    const w = script.spawn(options);
    // A thread that dies between reads is only forgotten; an unheard "error" would stop the server.
    const forget = () => {
      if (worker?.thread === w) worker = undefined;
    };
    w.on("error", forget).on("exit", forget);
    // The deadline is the read's alone: starting a thread from sources under test took seconds.
    const ready = new Promise<void>((resolve, reject) => {
      w.on("message", (m: Reply) => m.ready && resolve());
      w.once("error", reject).once("exit", (code) => reject(new Error(`the resume reader exited with code ${code}`)));
    });
    ready.catch(() => {});
    return { thread: w, ready };
  };

  let next = 0;
  const read = async (bytes: Uint8Array, where: string, now: string): Promise<Profile> => {
    worker ??= spawn();
    const { thread: w, ready } = worker;
    const id = next++;
    await ready;
    return new Promise<Profile>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        w.off("message", onMessage).off("error", onError).off("exit", onExit);
        w.unref();
      };
      const fail = (e: Error) => {
        done();
        if (worker?.thread === w) worker = undefined;
        void w.terminate();
        reject(e);
      };
      const onMessage = (m: Reply) => {
        if (m.ready || m.id !== id) return;
        done();
        if (m.profile) return resolve(m.profile);
        const { code, message, hint } = m.error ?? { message: "no answer" };
        reject(code ? new AppError(code, message, hint ? { hint } : {}) : new Error(message));
      };
      const onError = (e: Error & { code?: string }) =>
        fail(
          e.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new AppError("INVALID_INPUT", `${where}: not read: it needed over ${memoryMb} MB of memory`, {
                hint: "a resume needs a few MB; export it again as PDF or DOCX, or save it as text",
                cause: e,
              })
            : new Error(`the resume reader stopped: ${e.message}`, { cause: e }),
        );
      const onExit = (code: number) => fail(new Error(`the resume reader exited with code ${code}`));
      const timer = setTimeout(
        () =>
          fail(
            new AppError("INVALID_INPUT", `${where}: not read: it took over ${timeoutMs / 1000} s`, {
              hint: "a resume takes a second or two; the file may be damaged or built to stall a reader: export it again as PDF or DOCX, or save it as text",
            }),
          ),
        timeoutMs,
      );
      w.on("message", onMessage).on("error", onError).on("exit", onExit);
      w.ref();
      w.postMessage({ id, bytes, where, now });
    });
  };

  // One read at a time: a second thread would let a few hostile uploads take every core.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    fromBytes(bytes: Uint8Array, where: string, now: string): Promise<Profile> {
      const result = queue.then(() => read(bytes, where, now));
      queue = result.catch(() => {});
      return result;
    },
    async close(): Promise<void> {
      const w = worker;
      worker = undefined;
      await w?.thread.terminate();
    },
  };
}
