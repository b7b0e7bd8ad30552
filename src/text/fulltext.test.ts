import { describe, expect, it } from "vitest";
import { createTextAnalyser } from "./fulltext.js";

/** Reads PostgreSQL's binary tsvector back into its text form ('lexeme':1A,2B ...), as psql shows it. */
function literal(bytes: Uint8Array): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: string[] = [];
  let o = 4;
  for (let n = view.getInt32(0); n > 0; n--) {
    const end = bytes.indexOf(0, o);
    const lexeme = new TextDecoder().decode(bytes.subarray(o, end));
    const count = view.getUint16(end + 1);
    o = end + 3;
    const at: string[] = [];
    for (let i = 0; i < count; i++, o += 2) {
      const p = view.getUint16(o);
      at.push(`${p & 0x3fff}${"DCBA"[p >> 14]}`);
    }
    out.push(`'${lexeme}':${at.join(",")}`);
  }
  expect(o).toBe(bytes.length);
  return out.join(" ");
}

describe("full-text analyser", () => {
  const analyser = createTextAnalyser();
  const document = (title: string, body: string) => literal(analyser.document(title, body));
  const { query } = analyser;

  it("weights the title A and the body B, stems words, drops stop words but keeps their positions", () => {
    expect(document("Data Scientists", "Building the models")).toBe("'data':1A 'scientist':2A 'build':3B 'model':5B");
    // Different words with one lexeme merge their positions in order, each once.
    expect(document("Learning", "learn, learned and learning; learns")).toBe("'learn':1A,2B,3B,5B,6B");
  });

  it("keeps symbols that name technologies and does not stem them", () => {
    const doc = document("", "C++, C#, Node.js and .NET; e-mail");
    expect(doc).toContain("'c++':1B");
    expect(doc).toContain("'c#':2B");
    expect(doc).toContain("'node.js':3B");
    expect(doc).toContain("'net':5B");
    expect(doc).toContain("'e':6B 'mail':7B");
  });

  it("writes lexemes as UTF-8 in the binary form", () => {
    expect(document("Café", "naïve 𐐨ata データ")).toBe("'café':1A 'naïv':2B '𐐨ata':3B 'データ':4B");
    expect(analyser.document("", "").length).toBe(4);
  });

  it("folds width and case, so full-width and upper-case letters find the same lexeme", () => {
    expect(document("ＰＹＴＨＯＮ", "")).toBe("'python':1A");
  });

  it("turns web-search syntax into a tsquery", () => {
    expect(query("deploying models")).toBe("'deploy' & 'model'");
    expect(query('"head of data" -senior')).toBe("('head' <2> 'data') & !'senior'");
    expect(query("pytorch or tensorflow")).toBe("'pytorch' | 'tensorflow'");
    expect(query('-"c++ developer"')).toBe("!('c++' <-> 'develop')");
    expect(query("or the and")).toBeNull();
    expect(query("'; DROP TABLE postings; --")).toBe("'drop' & 'tabl' & 'post'");
    // PostgreSQL refuses phrase distances past 16,384
    expect(query(`"python ${"a ".repeat(17_000)}java"`)).toBe("('python' <16384> 'java')");
  });

  it("stays within PostgreSQL's limits on huge input, in linear time", () => {
    const word = "python ".repeat(400_000);
    const started = performance.now();
    const doc = document("", word);
    expect(performance.now() - started).toBeLessThan(5_000);
    const positions = doc.split(":")[1]?.split(",") ?? [];
    expect(positions.length).toBeLessThanOrEqual(255);
    expect(document("", `${"x".repeat(100)} ok`)).toBe("'ok':2B");
    expect(document("", "word ".repeat(20_000)).endsWith("B")).toBe(true);
    // 2 MB of distinct words: PostgreSQL takes at most 1 MB of lexemes and positions in one vector
    // (each lexeme's bytes aligned to two, then its count and positions, two bytes each).
    const distinct = Array.from({ length: 200_000 }, (_, i) => `w${i.toString(36).padStart(8, "q")}`).join(" ");
    const lexemes = document("", distinct).split(" ");
    const laidOut = lexemes.reduce((n, l) => ((n + l.indexOf("':") - 1 + 1) & ~1) + 4, 0);
    expect(laidOut).toBeLessThanOrEqual(1_048_575);
    expect(lexemes.length).toBeGreaterThan(70_000);
  });

  it("reads a document the same after its word table filled up and started again", () => {
    const used = createTextAnalyser();
    // 200,000 distinct words outgrow the table twice over; the next document empties it first.
    used.document("", Array.from({ length: 200_000 }, (_, i) => `w${i}`).join(" "));
    const fresh = createTextAnalyser();
    const text = "Learning to learn: learned models, C++ and node.js; the data scientists learn";
    expect(literal(used.document("Data Scientist", text))).toBe(literal(fresh.document("Data Scientist", text)));
    expect(used.query("learning node.js")).toBe(fresh.query("learning node.js"));
  });
});
