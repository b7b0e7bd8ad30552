import { describe, expect, it } from "vitest";
import { plainMarkdown } from "./markdown.js";

describe("plainMarkdown", () => {
  it("drops heading, emphasis, code, quote and escape marks, keeping the lines", () => {
    const md = "# Jane Doe\n\n## Experience ##\n> _Senior_ **Data** *Scientist*\n`Python`, C\\#\n---\nafter";
    expect(plainMarkdown(md).text).toBe("Jane Doe\n\nExperience\nSenior Data Scientist\nPython, C#\n\nafter");
  });

  it("keeps a link's text and collects its address; images go", () => {
    const { text, targets } = plainMarkdown(
      "[GitHub](https://github.com/jane) | [Acme (UK)](https://acme.example/a_(b)) ![logo](logo.png) [top](#top)",
    );
    expect(text).toBe("GitHub | Acme (UK)  top");
    expect(targets).toEqual(["https://github.com/jane", "https://acme.example/a_(b)"]);
  });

  it("reads a table's cells as text, one row to a line, its separator row a blank line", () => {
    const md = "| Skill | Years |\n|-------|:-----:|\n| Python | 5 |\n| C\\|C++ | |\n|**PyTorch**|3|";
    expect(plainMarkdown(md).text).toBe("Skill, Years\n\nPython, 5\nC|C++\nPyTorch, 3");
  });

  it("leaves plain text's underscores, asterisks and hashes alone", () => {
    const plain = "snake_case_name, 2*3*4, Python* (see note), C# and #1 in class\n* a bullet\n- another";
    expect(plainMarkdown(plain).text).toBe(plain);
  });

  it.each([
    ["unclosed brackets", "[".repeat(150_000)],
    ["unclosed underscores", "_a ".repeat(50_000)],
    ["unclosed stars", "*a ".repeat(50_000)],
    ["a heading's long run of spaces", `# a${" \t".repeat(50_000)}x`],
  ])("reads a 150 KB line of %s in well under a second", (_, line) => {
    // Each mark had scanned the rest of the line for its pair: up to a minute and a half.
    const started = performance.now();
    plainMarkdown(line);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
