import { describe, expect, it } from "vitest";
import { readJobPostingsFromHtml } from "./jsonld.js";

const page = (...blocks: string[]) =>
  `<!doctype html><html><head><title>Jobs</title>${blocks
    // As sites do, "</" is written "<\/" so a "</script>" in a description cannot end the block.
    .map((b) => `<script type="application/ld+json">${b.replace(/<\//g, "<\\/")}</script>`)
    .join("")}<script>var notData = 1;</script></head><body><h1>Careers</h1></body></html>`;

const posting = {
  "@context": "https://schema.org",
  "@type": "JobPosting",
  title: "Machine Learning Engineer",
  identifier: { "@type": "PropertyValue", name: "Acme", value: "ML-42" },
  hiringOrganization: { "@type": "Organization", name: "Acme Robotics" },
  jobLocation: { "@type": "Place", address: { addressLocality: "Austin", addressRegion: "TX", addressCountry: "US" } },
  datePosted: "2026-10-01",
  url: "https://example.com/jobs/42",
  description:
    "&lt;p&gt;Build models in &lt;b&gt;Python&lt;/b&gt; and PyTorch.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;3+ years&lt;/li&gt;&lt;/ul&gt;<script>alert(1)</script>",
  baseSalary: {
    "@type": "MonetaryAmount",
    currency: "USD",
    value: { "@type": "QuantitativeValue", minValue: 140000, maxValue: 180000, unitText: "YEAR" },
  },
};

describe("readJobPostingsFromHtml", () => {
  it("reads a JobPosting's fields, with double-escaped HTML turned into clean text", () => {
    const [item] = readJobPostingsFromHtml(page(JSON.stringify(posting)), "page.html");
    expect(item).toEqual({
      ok: true,
      record: {
        source: "page.html",
        externalId: "ML-42",
        title: "Machine Learning Engineer",
        company: "Acme Robotics",
        location: "Austin, TX, US",
        description: "Build models in Python and PyTorch.\n\n- 3+ years",
        salaryText: "$140,000 - $180,000 a year",
        postedAt: "2026-10-01",
        url: "https://example.com/jobs/42",
      },
    });
  });

  it("finds postings in arrays and @graph, remote ones, and hourly pay in other currencies", () => {
    const remote = {
      ...posting,
      title: "Data Scientist",
      jobLocation: undefined,
      jobLocationType: "TELECOMMUTE",
      baseSalary: { currency: "GBP", value: { value: 55, unitText: "HOUR" } },
    };
    const items = readJobPostingsFromHtml(
      page(JSON.stringify([{ "@type": "Organization", name: "x" }, posting]), JSON.stringify({ "@graph": [remote] })),
      "p.html",
    );
    expect(items.map((i) => (i.ok ? [i.record.title, i.record.location, i.record.salaryText] : i.reason))).toEqual([
      ["Machine Learning Engineer", "Austin, TX, US", "$140,000 - $180,000 a year"],
      ["Data Scientist", "Remote", "£55 an hour"],
    ]);
  });

  it("says which block is broken or which field a posting lacks, and ignores pages without postings", () => {
    const items = readJobPostingsFromHtml(
      page("{not json", JSON.stringify({ "@type": "JobPosting", title: "No text" })),
      "bad.html",
    );
    expect(items).toEqual([
      { ok: false, where: "bad.html: JSON-LD block 1", reason: expect.stringMatching(/^not JSON/) },
      { ok: false, where: "bad.html: JSON-LD block 2", reason: "JobPosting without description" },
    ]);
    expect(readJobPostingsFromHtml("<html><body>hello</body></html>", "x.html")).toEqual([]);
    expect(readJobPostingsFromHtml("<script type='application/ld+json'>", "cut.html")).toEqual([
      { ok: false, where: "cut.html: JSON-LD block 1", reason: expect.stringMatching(/^not JSON/) },
    ]);
  });

  it("reads a posting whose location type is a deeply nested list without walking it", () => {
    // String() over a list nested this deep had overflowed the stack.
    const deep = `${"[".repeat(400_000)}"TELECOMMUTE"${"]".repeat(400_000)}`;
    const json = JSON.stringify(posting).replace(/}$/, `,"jobLocationType":${deep}}`);
    const [item] = readJobPostingsFromHtml(page(json), "page.html");
    expect(item).toMatchObject({ ok: true, record: { location: "Austin, TX, US" } });
  });
});
