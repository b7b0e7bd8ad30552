import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { AppError } from "../errors.js";
import { htmlToText } from "./html-text.js";
import { kindOf, type PostingRecord, type SourceItem } from "./posting-record.js";

export const PROVIDERS = ["greenhouse", "lever", "ashby"] as const;
export type Provider = (typeof PROVIDERS)[number];

/** The only hosts mlpath fetches from: the public job-board APIs. */
export const BOARD_ORIGINS: Record<Provider, string> = {
  greenhouse: "https://boards-api.greenhouse.io",
  lever: "https://api.lever.co",
  ashby: "https://api.ashbyhq.com",
};

export interface FetchOptions {
  /** Where each provider lives; tests point these at a local server. */
  origins?: Partial<Record<Provider, string>>;
  timeoutMs?: number;
  maxBytes?: number;
  retries?: number;
  /** Waits between retries; tests pass a no-op. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * How long one board may take, tries and waits together (90 s by default): four tries of 15 s
   * and three waits of up to 30 s had let a board that hangs hold a run for two and a half minutes.
   */
  deadlineMs?: number;
  /** Milliseconds on some clock, for the deadline; tests pass one that their `sleep` moves. */
  now?: () => number;
  fetch?: typeof globalThis.fetch;
  /** Resolves a host name to its addresses; tests pass a stub. */
  lookup?: (host: string) => Promise<{ address: string; family: number }[]>;
}

/** Addresses a job board never has: loopback, private, link-local (cloud metadata), CGNAT, multicast. */
const PRIVATE = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["224.0.0.0", 3],
] as const)
  PRIVATE.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 127],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  PRIVATE.addSubnet(net, bits, "ipv6");

/** True for an address mlpath must not connect to, IPv4-mapped IPv6 included. */
export function isPrivateAddress(address: string): boolean {
  const mapped = address.toLowerCase().match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (mapped) return PRIVATE.check(mapped[1] as string, "ipv4");
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? "ipv4" : "ipv6");
}

const USER_AGENT = "mlpath/0.1 (+https://github.com/mlpath; career tool, reads public job boards)";
const MAX_BYTES = 20 * 1024 * 1024;

/** "greenhouse:acme" -> provider and board token, validated so it can only ever form a path segment. */
export function parseBoardSpec(spec: string): { provider: Provider; board: string } {
  const m = spec.match(/^([a-z]+):([A-Za-z0-9][A-Za-z0-9._-]{0,99})$/);
  if (!m || !PROVIDERS.includes(m[1] as Provider)) {
    throw new AppError("INVALID_INPUT", `--source "${spec}" is not PROVIDER:BOARD`, {
      hint: `PROVIDER is one of ${PROVIDERS.join(", ")}; BOARD is the company's board name, e.g. greenhouse:airbnb`,
    });
  }
  return { provider: m[1] as Provider, board: m[2] as string };
}

function boardUrl(provider: Provider, board: string, origin: string): string {
  const b = encodeURIComponent(board);
  if (provider === "greenhouse") return `${origin}/v1/boards/${b}/jobs?content=true`;
  if (provider === "lever") return `${origin}/v0/postings/${b}?mode=json`;
  return `${origin}/posting-api/job-board/${b}?includeCompensation=true`;
}

/**
 * GETs JSON from an allow-listed origin: https only (unless the origin given is a test server),
 * no redirects followed, a timeout per try, retries with exponential backoff on 429 and 5xx, and
 * a cap on the body size read.
 */
export async function getJson(
  url: string,
  allowedOrigin: string,
  options: FetchOptions = {},
  /** What messages call the board ("greenhouse:acme"): a run may fetch several from one host. */
  label?: string,
): Promise<unknown> {
  const target = new URL(url);
  const name = label ?? target.host;
  if (target.origin !== new URL(allowedOrigin).origin) {
    throw new AppError("INVALID_INPUT", `refused to fetch ${target.origin}: not an allowed job-board host`);
  }
  if (target.protocol !== "https:" && !options.origins) {
    throw new AppError("INVALID_INPUT", `refused to fetch ${url}: only https is allowed`);
  }
  if (!options.origins) await refusePrivate(target.hostname, name, options.lookup);
  const doFetch = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const retries = options.retries ?? 3;
  const now = options.now ?? Date.now;
  const started = now();
  const deadline = options.deadlineMs ?? 90_000;
  let lastError = "";
  let asked: number | undefined;
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) {
      const wait = Math.max(500 * 2 ** (attempt - 1), asked ?? 0);
      if (now() - started + wait >= deadline)
        throw new AppError(
          "STORE_ERROR",
          `${name}: gave up after ${attempt} tries in ${Math.round((now() - started) / 1000)} s, the time one board is given (${lastError})`,
          { hint: "the job board may be down or rate-limiting; try again later" },
        );
      await sleep(wait);
    }
    asked = undefined;
    let response: Response;
    try {
      response = await doFetch(target, {
        redirect: "manual",
        headers: { "user-agent": USER_AGENT, accept: "application/json" },
        // No try runs past the board's deadline, but each gets a second at least.
        signal: AbortSignal.timeout(
          Math.max(1000, Math.min(options.timeoutMs ?? 15_000, deadline - (now() - started))),
        ),
      });
    } catch (e) {
      lastError = networkFailure(e);
      continue;
    }
    // What the board answers is the board's doing, not the user's: a board that cannot be read is
    // down (exit 5), as one that times out is; only a board that does not exist is "not found".
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      throw new AppError(
        "STORE_ERROR",
        `${name} answered with a redirect (${response.status}); redirects are not followed`,
        { hint: DOWN_HINT },
      );
    }
    if (response.status === 429 || response.status >= 500) {
      lastError = `HTTP ${response.status}`;
      await response.body?.cancel();
      asked = retryAfter(response.headers.get("retry-after"));
      if (asked !== undefined && asked > MAX_RETRY_AFTER_MS)
        throw new AppError(
          "STORE_ERROR",
          `${name}: HTTP ${response.status}, and the board asks to wait ${waitText(asked)} before trying again; gave up`,
          { hint: "try again later" },
        );
      continue;
    }
    if (response.status === 404) {
      await response.body?.cancel();
      throw new AppError("NOT_FOUND", `${name}: no such board (HTTP 404 at ${target.host}${target.pathname})`, {
        hint: "BOARD is the last part of the company's board address, e.g. boards.greenhouse.io/BOARD",
      });
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new AppError("STORE_ERROR", `${name} answered HTTP ${response.status}`, {
        hint:
          response.status === 410
            ? "the board is gone: the company may have closed it or moved to another provider"
            : DOWN_HINT,
      });
    }
    let text: string;
    try {
      text = await readCapped(response, options.maxBytes ?? MAX_BYTES, name);
    } catch (e) {
      if (e instanceof AppError) throw e;
      // A connection reset, a false Content-Length or a body dripped past the timeout: the board
      // is as unavailable as with a 503, and had ended the run as an "unexpected error".
      lastError = networkFailure(e);
      continue;
    }
    try {
      return JSON.parse(text);
    } catch {
      const kind = /^\s*</.test(text) ? "HTML" : "something that is not JSON";
      throw new AppError(
        "STORE_ERROR",
        `${name} answered ${text.trim() ? kind : "an empty body"} where JSON was expected`,
        { hint: DOWN_HINT },
      );
    }
  }
  throw new AppError("STORE_ERROR", `${name}: gave up after ${retries + 1} tries (${lastError})`, {
    hint: "the job board may be down or rate-limiting; try again later",
  });
}

const DOWN_HINT = "the board may be down, private or moved; check it in a browser, or try again later";

/** The longest Retry-After waited for: a board asking for longer is given up on at once. */
export const MAX_RETRY_AFTER_MS = 30_000;

/** Retry-After in milliseconds: whole seconds, or an HTTP date; nothing when absent or unreadable. */
export function retryAfter(header: string | null, now = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const waitText = (ms: number) =>
  ms < 120_000
    ? `${Math.round(ms / 1000)} s`
    : ms < 7_200_000
      ? `${Math.round(ms / 60_000)} min`
      : ms < 172_800_000
        ? `${Math.round(ms / 3_600_000)} h`
        : `${Math.round(ms / 86_400_000).toLocaleString("en-US")} days`;

/** What went wrong with a request, in words: fetch reports "terminated" or "fetch failed" and hides the cause. */
function networkFailure(e: unknown): string {
  const error = e as Error & { cause?: { code?: unknown; message?: unknown } };
  if (error?.name === "TimeoutError") return "timed out";
  if (error?.message === "terminated") return "the connection closed before the answer was complete";
  const cause = error?.cause;
  return String(
    (typeof cause?.code === "string" && cause.code) ||
      (typeof cause?.message === "string" && cause.message) ||
      error?.message ||
      e,
  );
}

/**
 * A job-board name that resolves to this machine or its network (a poisoned resolver, a hosts
 * file) is refused before any request is sent: mlpath never becomes a way into a private network.
 */
async function refusePrivate(
  host: string,
  name: string,
  lookup = (h: string) => dnsLookup(h, { all: true }),
): Promise<void> {
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host);
  } catch (e) {
    throw new AppError("STORE_ERROR", `${name}: could not resolve ${host} (${(e as Error).message})`, {
      hint: "check the network connection",
    });
  }
  const bad = addresses.find((a) => isPrivateAddress(a.address));
  if (bad || addresses.length === 0) {
    throw new AppError(
      "INVALID_INPUT",
      `refused to fetch ${name}: ${host} resolves to ${bad?.address ?? "nothing"}, a private or local address`,
    );
  }
}

async function readCapped(response: Response, maxBytes: number, host: string): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw new AppError("STORE_ERROR", `${host} sent more than ${(maxBytes / 1048576).toFixed(1)} MB; refused`, {
        hint: DOWN_HINT,
      });
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

type Json = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
/** A job id as text: ids are numbers or strings, and anything else is no id (never stringified). */
const id = (v: unknown) => (typeof v === "number" || typeof v === "string" ? str(String(v)) : undefined);
/**
 * Milliseconds since 1970 as an ISO time, or nothing: a Date holds ±8.64e15 ms, and toISOString
 * threw on a board's 1e20 ("Invalid time value"), ending the run.
 */
const isoFromMillis = (v: unknown) => {
  if (typeof v !== "number") return undefined;
  const date = new Date(v);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};
const obj = (v: unknown): Json => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : {});

/** Turns one board's answer into posting records, one per job, with a reason for each job it cannot use. */
export function boardRecords(provider: Provider, board: string, data: unknown): SourceItem[] {
  const source = `${provider}:${board}`;
  const jobs = provider === "lever" ? data : obj(data).jobs;
  // A whole-board failure, not a skipped row: a refresh that read this as "no jobs" closed them all.
  if (!Array.isArray(jobs))
    throw new AppError("STORE_ERROR", `${source} answered 200 with no jobs list`, {
      hint: "the board may be down or its API changed; try again later",
    });
  // The fields a job's title and text come from: text or nothing. String() over a list walks it,
  // and a board answering a list nested 400,000 deep overflowed the stack and ended the run.
  const textFields = {
    greenhouse: ["title", "content"],
    lever: ["text", "descriptionPlain", "description"],
    ashby: ["title", "descriptionPlain", "descriptionHtml"],
  }[provider];
  return jobs.map((raw, i): SourceItem => {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw))
      return {
        ok: false,
        where: `${source}[${i}]`,
        reason: `job is ${raw === null ? "null" : kindOf(raw)}, not an object`,
      };
    const j = obj(raw);
    const unreadable = (reason: string): SourceItem => {
      const listedAs = id(j.id);
      return { ok: false, where: `${source}[${i}]`, reason, ...(listedAs && { listedAs }) };
    };
    const odd = textFields.find((k) => j[k] !== undefined && j[k] !== null && typeof j[k] !== "string");
    if (odd) return unreadable(`${odd} is ${kindOf(j[odd])}, not text`);
    let record: Partial<PostingRecord>;
    if (provider === "greenhouse") {
      record = {
        externalId: id(j.id),
        title: str(j.title),
        company: str(j.company_name) ?? board,
        location: str(obj(j.location).name),
        // Greenhouse escapes its HTML once more: decode, then strip.
        description: htmlToText(htmlToText(str(j.content) ?? "")),
        // updated_at moves with every edit; first_published is when the job was posted.
        postedAt: str(j.first_published) ?? str(j.updated_at),
        url: str(j.absolute_url),
      };
    } else if (provider === "lever") {
      const lists = Array.isArray(j.lists) ? (j.lists as unknown[]).map(obj) : [];
      record = {
        externalId: id(j.id),
        title: str(j.text),
        company: board,
        location: str(obj(j.categories).location),
        description: [
          str(j.descriptionPlain) ?? htmlToText(str(j.description) ?? ""),
          ...lists.map((l) => `${str(l.text) ?? ""}\n${htmlToText(str(l.content) ?? "")}`),
          str(j.additionalPlain) ?? "",
        ]
          .filter(Boolean)
          .join("\n\n"),
        postedAt: isoFromMillis(j.createdAt),
        url: str(j.hostedUrl),
      };
    } else {
      record = {
        externalId: id(j.id),
        title: str(j.title),
        company: board,
        location:
          [str(j.location), j.isRemote === true ? "Remote" : undefined].filter(Boolean).join(" / ") || undefined,
        description: str(j.descriptionPlain) ?? htmlToText(str(j.descriptionHtml) ?? ""),
        salaryText: str(obj(j.compensation).compensationTierSummary),
        postedAt: str(j.publishedAt),
        url: str(j.jobUrl),
      };
    }
    if (!record.title) return unreadable("job without a title");
    if (!record.description) return unreadable("job without a description");
    const clean = Object.fromEntries(
      Object.entries({ ...record, source }).filter(([, v]) => v !== undefined),
    ) as PostingRecord;
    return { ok: true, record: clean };
  });
}

/** Fetches one board and yields its postings. */
export async function* readBoard(spec: string, options: FetchOptions = {}): AsyncGenerator<SourceItem> {
  const { provider, board } = parseBoardSpec(spec);
  const origin = options.origins?.[provider] ?? BOARD_ORIGINS[provider];
  const data = await getJson(boardUrl(provider, board, origin), origin, options, `${provider}:${board}`);
  yield* boardRecords(provider, board, data);
}
