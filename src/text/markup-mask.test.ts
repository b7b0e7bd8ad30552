import { describe, expect, it } from "vitest";
import { maskMarkup } from "./markup-mask.js";

describe("maskMarkup", () => {
  it("blanks tags, attributes, comments, scripts and styles, keeping every offset", () => {
    const html =
      '<html><head><style>.python{}</style><script>var kubernetes=1;</script></head><body><!-- spark --><div class="tensorflow"><p>We need SQL &amp; R.</p></div></body></html>';
    const masked = maskMarkup(html);
    expect(masked).toHaveLength(html.length);
    expect(masked.replace(/\s+/g, " ").trim()).toBe("We need SQL & R.");
    expect(masked.indexOf("SQL")).toBe(html.indexOf("SQL"));
  });

  it("starts a block tag's blank with a line break, so list items stay lines", () => {
    expect(maskMarkup("<ul><li>Python</li><li>SQL</li></ul>")).toBe("\n   \n   Python\n    \n   SQL\n    \n    ");
  });

  it("leaves text without HTML tags as it is, angle brackets and all", () => {
    for (const text of ["salary < $100k and > $80k", "<3 years> of Go", "a &amp; b without tags", ""])
      expect(maskMarkup(text)).toBe(text);
  });

  it("decodes entities in place, and blanks what does not fit one character", () => {
    expect(maskMarkup("<p>R&amp;D &#233;t&eacute; &#x1F600;</p>")).toBe(
      `\n  R&    D é     t&eacute; ${" ".repeat(9)}\n   `,
    );
  });

  it("blanks an unclosed script or comment to the end once, in linear time", () => {
    const text = `<p>SQL</p>${"<script>x ".repeat(200_000)}`;
    const masked = maskMarkup(text);
    expect(masked).toHaveLength(text.length);
    expect(masked.trim()).toBe("SQL");
    expect(maskMarkup(`<p>SQL</p><!-- ${"<p>Python</p>".repeat(100_000)}`).trim()).toBe("SQL");
  }, 20_000);
});
