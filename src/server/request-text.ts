import { loneSurrogate } from "../text/surrogates.js";

/** What to do about text that is not UTF-8, in every message below. */
const ENCODE = "percent-encode the text's UTF-8 bytes, as encodeURIComponent does";

/**
 * What is wrong with a request URL's path, or undefined: a segment that is not UTF-8
 * percent-encoding. "/api/roles/%FF" had answered 404 'unknown role id "%FF"', as if the id were
 * those three characters.
 */
export function pathEncodingError(url: string): string | undefined {
  const path = new URL(url, "http://localhost").pathname;
  if (!path.includes("%")) return undefined;
  for (const segment of path.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return `path: "${segment.slice(0, 80)}" is not valid UTF-8 percent-encoding; ${ENCODE}`;
    }
  }
  return undefined;
}

/**
 * What is wrong with a request URL's query, or undefined: a parameter name or value that is not
 * UTF-8 percent-encoding ("%FF", Latin-1's "%E9" for "é", a "%" alone). Hono decodes what it can
 * and keeps the rest as sent, so "/api/skills?q=%FF" had searched for the text "%FF" and found nothing.
 */
export function queryEncodingError(url: string): string | undefined {
  const start = url.indexOf("?");
  if (start === -1) return undefined;
  const end = url.indexOf("#", start);
  const query = url.slice(start + 1, end === -1 ? undefined : end);
  if (!query.includes("%")) return undefined;
  // As Hono reads a query: pairs split at "&", names at the first "=", "+" a space.
  const decode = (part: string) => decodeURIComponent(part.replaceAll("+", " "));
  for (const pair of query.split("&")) {
    const eq = pair.indexOf("=");
    const rawName = eq === -1 ? pair : pair.slice(0, eq);
    let name: string;
    try {
      name = decode(rawName);
    } catch {
      return `query: the parameter name "${rawName.slice(0, 80)}" is not valid UTF-8 percent-encoding; ${ENCODE}`;
    }
    const value = eq === -1 ? "" : pair.slice(eq + 1);
    try {
      decode(value);
    } catch {
      return `query: parameter "${name.slice(0, 80)}" is not valid UTF-8 percent-encoding ("${value.slice(0, 80)}"); ${ENCODE}`;
    }
  }
  return undefined;
}

const escaped = (unit: string) => `\\u${unit.charCodeAt(0).toString(16)}`;

/**
 * Where a JSON text holds an unpaired surrogate ("\ud800" with no low half after it), as a
 * message, or undefined. Strict UTF-8 leaves only escapes to write one; JSON.parse takes them,
 * and the string had been stored or answered as U+FFFD. Only a text with a surrogate escape is
 * parsed here, and one that does not parse is left to the validator to refuse.
 */
export function unpairedSurrogateError(json: string): string | undefined {
  if (!/\\u[dD][89a-fA-F]/.test(json)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  // Walked with a stack, not recursion: a body may nest a million arrays deep.
  interface Node {
    value: unknown;
    key: string | undefined;
    parent: Node | undefined;
  }
  const where = (node: Node | undefined) => {
    const path: string[] = [];
    for (let n = node; n?.key !== undefined; n = n.parent) path.push(n.key.slice(0, 80));
    const at = path.reverse().join(".");
    return at.length > 200 ? `${at.slice(0, 200)}…` : at || "body";
  };
  const say = (node: Node | undefined, what: string, unit: string) =>
    `${where(node)}: ${what} an unpaired surrogate ("${escaped(unit)}"), half of a character; send the whole character, as UTF-8 or an escaped pair such as "\\ud83d\\ude00"`;
  const stack: Node[] = [{ value, key: undefined, parent: undefined }];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const v = node.value;
    if (typeof v === "string") {
      const unit = loneSurrogate(v);
      if (unit) return say(node, "holds", unit);
    } else if (typeof v === "object" && v !== null) {
      const entries = Object.entries(v);
      for (const [key] of entries) {
        const unit = loneSurrogate(key);
        if (unit) return say(node, "has a field name with", unit);
      }
      // Reversed onto the stack, so the first field in the body is the one named.
      for (const [key, child] of entries.reverse()) stack.push({ value: child, key, parent: node });
    }
  }
  return undefined;
}
