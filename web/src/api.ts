import { type ClientResponse, hc, type InferResponseType } from "hono/client";
import type { AppType } from "../../src/server/app.js";

/** An error the API answered with (`{ error: { code, message } }`), or a request that got no answer. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const TOKEN_KEY = "mlpath.token";
type TokenAsker = (refused: boolean) => Promise<string | null>;
let askToken: TokenAsker = async () => null;
let asking: Promise<string | null> | null = null;
/**
 * The form was cancelled: loads refused after that show their error (with its "Enter the token"
 * button) instead of asking again. A load still in flight at the cancel had reopened the form.
 */
let declined = false;

/** The UI registers the form that asks for the server's token; requests wait for its answer. */
export function onTokenNeeded(asker: TokenAsker): void {
  askToken = asker;
}

/** The token form's answer, asked once for every request and button waiting on it at a time. */
function askOnce(refused: boolean): Promise<string | null> {
  asking ??= askToken(refused)
    .then((token) => {
      declined = !token;
      return token;
    })
    .finally(() => {
      asking = null;
    });
  return asking;
}

/** A refusal for want of the server's token, which entering it would turn around. */
export const needsToken = (error: unknown): boolean => error instanceof ApiError && error.status === 401;

const tokenEntered = new Set<() => void>();

/** Calls `listener` whenever a token is entered through `enterToken`; returns its removal. */
export function onTokenEntered(listener: () => void): () => void {
  tokenEntered.add(listener);
  return () => tokenEntered.delete(listener);
}

/**
 * Asks for the token again after it was cancelled (the error note's button): until then the page
 * had no way back to the form but a reload. Loads that were refused retry once it is entered.
 */
export async function enterToken(): Promise<void> {
  declined = false;
  const token = await askOnce(false);
  if (!token) return;
  sessionStorage.setItem(TOKEN_KEY, token);
  for (const listener of tokenEntered) listener();
}

/**
 * fetch with the bearer token of this tab's session. A 401 asks for the token (once for any
 * number of requests in flight) and retries; a refused token asks again, saying so.
 */
async function authorisedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const send = () => {
    const headers = new Headers(init?.headers);
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) headers.set("Authorization", `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  };
  let res = await send();
  let refused = sessionStorage.getItem(TOKEN_KEY) !== null;
  while (res.status === 401 && !declined) {
    const token = await askOnce(refused);
    if (!token) break;
    sessionStorage.setItem(TOKEN_KEY, token);
    refused = true;
    res = await send();
  }
  return res;
}

export const client = hc<AppType>("/", { fetch: authorisedFetch });
const api = client.api;

/** 200 and 201 carry the route's body; 204 (a deletion) carries none. */
type Success<R> =
  R extends ClientResponse<infer T, infer S, infer _F>
    ? S extends 200 | 201
      ? T
      : S extends 204
        ? null
        : never
    : never;

async function answer<R extends ClientResponse<unknown, number, string>>(request: Promise<R>): Promise<R> {
  try {
    return await request;
  } catch (e) {
    // What to do, too: it had said only "the server did not answer (Failed to fetch)".
    throw new ApiError(
      "NETWORK",
      `the server did not answer (${(e as Error).message}); check that mlpath serve is still running, then try again`,
      0,
    );
  }
}

function refusal(res: Response, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return new ApiError(
    typeof error?.code === "string" ? error.code : `HTTP_${res.status}`,
    typeof error?.message === "string" ? error.message : `the server answered ${res.status} ${res.statusText}`,
    res.status,
  );
}

/** The body of a successful answer, typed from the route's zod schema; anything else throws an ApiError. */
export async function call<R extends ClientResponse<unknown, number, string>>(
  request: Promise<R>,
): Promise<Success<R>> {
  const res = await answer(request);
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw refusal(res, body);
  return body as Success<R>;
}

/** A successful answer's text (a document to download); anything else throws an ApiError. */
/** A document the server wrote, with its type and the file name it gave it, so the page names no file itself. */
export async function callDocument(
  request: Promise<ClientResponse<unknown, number, string>>,
): Promise<{ text: string; type: string; filename: string }> {
  const res = await answer(request);
  if (!res.ok) throw refusal(res, await res.json().catch(() => null));
  const filename = res.headers.get("content-disposition")?.match(/filename="([^"]+)"/)?.[1] ?? "mlpath-document";
  return { text: await res.text(), type: res.headers.get("content-type") ?? "text/plain", filename };
}

export type Profile = InferResponseType<typeof api.resume.$post, 200>;
export type ProfileSkill = Profile["skills"][number];
export type Sample = InferResponseType<typeof api.samples.$get, 200>[number];
export type RoleSummary = InferResponseType<typeof api.roles.$get, 200>[number];
export type RoleDetail = InferResponseType<(typeof api.roles)[":id"]["$get"], 200>;
export type Skill = InferResponseType<typeof api.skills.$get, 200>[number];
export type RoleFit = InferResponseType<typeof api.fit.$post, 200>[number];
export type Evidence = RoleFit["evidence"][number];
export type Plan = InferResponseType<typeof api.plan.$post, 200>;
export type RankedPosting = InferResponseType<(typeof api.jobs.search)["$post"], 200>[number];
export type ExtractResult = InferResponseType<typeof api.extract.$post, 200>;
export type SkillDemand = InferResponseType<(typeof api.market.skills)["$get"], 200>;
export type SalaryPercentiles = InferResponseType<(typeof api.market.salaries)["$get"], 200>[number];
export type SalaryEstimate = InferResponseType<typeof api.salary.$get, 200>;
export type SkillTrends = InferResponseType<(typeof api.market.trends)["$get"], 200>;
export type SkillTrend = SkillTrends["rising"][number];
export type Industries = InferResponseType<(typeof api.market.industries)["$get"], 200>;
export type SavedProfile = InferResponseType<typeof api.profiles.$get, 200>[number];
