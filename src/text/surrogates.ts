/** Half of a surrogate pair with no other half: no character, and no text UTF-8 or PostgreSQL can hold. */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The first unpaired surrogate in `text`, or undefined when the text is well formed. */
export function loneSurrogate(text: string): string | undefined {
  const at = text.search(LONE_SURROGATE);
  return at === -1 ? undefined : text[at];
}

/** JSON-like data with every unpaired surrogate in its strings (keys too) made U+FFFD, as a UTF-8 decoder makes bad bytes. */
export function wellFormed<T>(value: T): T {
  if (typeof value === "string") return value.replace(LONE_SURROGATE, "\ufffd") as T;
  if (Array.isArray(value)) return value.map(wellFormed) as T;
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [wellFormed(k), wellFormed(v)])) as T;
  return value;
}
