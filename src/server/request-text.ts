/** What to do about text that is not UTF-8, in every message below. */
const ENCODE = "percent-encode the text's UTF-8 bytes, as encodeURIComponent does";

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
