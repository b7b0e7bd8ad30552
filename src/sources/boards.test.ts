import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../errors.js";
import { boardRecords, type FetchOptions, getJson, parseBoardSpec, readBoard, retryAfter } from "./boards.js";
import { htmlToText } from "./html-text.js";

/** Recorded answers of the three job-board APIs, in their real shapes, served from loopback. */
const GREENHOUSE = {
  jobs: [
    {
      id: 4012,
      title: "Machine Learning Engineer",
      absolute_url: "https://boards.greenhouse.io/acme/jobs/4012",
      location: { name: "Remote - US" },
      updated_at: "2026-11-02T10:00:00-05:00",
      first_published: "2026-09-14T08:00:00-05:00",
      content:
        "&lt;p&gt;Build ranking models in &lt;strong&gt;Python&lt;/strong&gt; and PyTorch.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;3+ years of experience&lt;/li&gt;&lt;/ul&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
    },
    { id: 4013, title: "", content: "x" },
  ],
  meta: { total: 2 },
};
const LEVER = [
  {
    id: "abc-1",
    text: "Data Scientist",
    categories: { location: "London, UK" },
    descriptionPlain: "Experimentation and forecasting with SQL and Python.",
    lists: [{ text: "Requirements", content: "<li>Statistics</li><li>A/B testing</li>" }],
    hostedUrl: "https://jobs.lever.co/globex/abc-1",
    createdAt: 1762000000000,
  },
];
const ASHBY = {
  jobs: [
    {
      id: "z9",
      title: "NLP Engineer",
      location: "Berlin",
      isRemote: true,
      descriptionPlain: "LLM evaluation and RAG pipelines with Hugging Face.",
      jobUrl: "https://jobs.ashbyhq.com/initech/z9",
      publishedAt: "2026-10-30T09:00:00Z",
      compensation: { compensationTierSummary: "€70K – €90K" },
    },
  ],
};

let server: Server;
let origin: string;
let flaky = 0;
const tries = new Map<string, number>();
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? "";
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (url.startsWith("/v1/boards/acme/jobs")) return json(200, GREENHOUSE);
    if (url.startsWith("/v0/postings/globex")) return json(200, LEVER);
    if (url.startsWith("/posting-api/job-board/initech")) return json(200, ASHBY);
    if (url.startsWith("/v1/boards/flaky/jobs")) return flaky++ < 2 ? json(503, {}) : json(200, GREENHOUSE);
    if (url.startsWith("/v1/boards/html/jobs")) {
      res.writeHead(200, { "content-type": "text/html" });
      return res.end("<!doctype html><title>Maintenance</title>");
    }
    if (url.startsWith("/v1/boards/moved/jobs")) {
      res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" });
      return res.end();
    }
    if (url.startsWith("/v1/boards/huge/jobs"))
      return json(200, { jobs: [{ title: "x", content: "y".repeat(200_000) }] });
    if (url.startsWith("/v1/boards/down/jobs")) return json(500, {});
    const board = url.match(/^\/v1\/boards\/([^/]+)\/jobs/)?.[1] ?? "";
    tries.set(board, (tries.get(board) ?? 0) + 1);
    if (board === "reset" || (board === "resetonce" && tries.get(board) === 1)) {
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"jobs":[');
      setTimeout(() => res.destroy(), 20);
      return;
    }
    if (board === "resetonce") return json(200, GREENHOUSE);
    if (/^r\d+$/.test(board)) return json(Number(board.slice(1)), {});
    if (board === "blank") return res.end();
    if (board === "odd") return json(200, { jobs: [1, null, "x", [], {}] });
    if (board === "slowdown" || board === "slowdate") {
      if (tries.get(board) === 1) {
        const wait = board === "slowdown" ? "3" : new Date(Date.now() + 10_000).toUTCString();
        res.writeHead(429, { "retry-after": wait });
        return res.end();
      }
      return json(200, GREENHOUSE);
    }
    if (board === "closed") {
      res.writeHead(503, { "retry-after": "999999999" });
      return res.end();
    }
    if (board === "falselength") {
      // Written on the socket, which then closes: Node's own response would refuse the lie.
      return req.socket.end(
        'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 999999999\r\n\r\n{"jobs":[]}',
      );
    }
    if (board === "drip") {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"jobs":[');
      const drip = setInterval(() => res.write(" "), 20);
      res.on("close", () => clearInterval(drip));
      return;
    }
    if (url.startsWith("/v1/boards/deep/jobs")) {
      // A list nested 400,000 deep as a job's text, and objects as ids: written by hand, as
      // JSON.stringify itself would overflow on it.
      const deep = `${"[".repeat(400_000)}${"]".repeat(400_000)}`;
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(
        `{"jobs":[{"id":1,"title":"ML Engineer","content":${deep}},{"id":{"a":1},"title":"Data Scientist","content":"Python"},{"id":${deep},"title":"Analyst","content":"SQL"}]}`,
      );
    }
    json(404, {});
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const local = () => ({
  origins: { greenhouse: origin, lever: origin, ashby: origin },
  sleep: async () => {},
  retries: 3,
});
const collect = async (spec: string, options: FetchOptions = local()) => {
  const out = [];
  for await (const item of readBoard(spec, options)) out.push(item);
  return out;
};

describe("job boards", () => {
  it("reads Greenhouse, with HTML stripped and scripts dropped", async () => {
    const [first, second] = await collect("greenhouse:acme");
    expect(first).toMatchObject({
      ok: true,
      record: {
        source: "greenhouse:acme",
        externalId: "4012",
        title: "Machine Learning Engineer",
        location: "Remote - US",
        company: "acme",
      },
    });
    const text = first?.ok ? first.record.description : "";
    expect(text).toContain("Build ranking models in Python and PyTorch.");
    expect(text).toContain("- 3+ years of experience");
    expect(text).not.toMatch(/<|alert/);
    expect(second).toMatchObject({ ok: false, reason: "job without a title" });
    // Posted in September; updated_at is the last edit, and is the date only when nothing else is.
    expect(first?.ok && first.record.postedAt).toBe("2026-09-14T08:00:00-05:00");
    const [edited] = boardRecords("greenhouse", "x", {
      jobs: [{ title: "Analyst", content: "SQL", updated_at: "2026-11-02T10:00:00Z" }],
    });
    expect(edited?.ok && edited.record.postedAt).toBe("2026-11-02T10:00:00Z");
  });

  it("reads Lever and Ashby", async () => {
    const [lever] = await collect("lever:globex");
    expect(lever).toMatchObject({ ok: true, record: { title: "Data Scientist", location: "London, UK" } });
    expect(lever?.ok && lever.record.description).toContain("- A/B testing");
    const [ashby] = await collect("ashby:initech");
    expect(ashby).toMatchObject({
      ok: true,
      record: { title: "NLP Engineer", location: "Berlin / Remote", salaryText: "€70K – €90K" },
    });
  });

  it("retries 5xx with backoff, then gives up with a clear error", async () => {
    expect((await collect("greenhouse:flaky"))[0]).toMatchObject({ ok: true });
    await expect(collect("greenhouse:down")).rejects.toThrow(/gave up after 4 tries \(HTTP 500\)/);
  });

  it("retries a connection that breaks mid-answer or drips past the timeout, then names the board", async () => {
    expect((await collect("greenhouse:resetonce"))[0]).toMatchObject({ ok: true });
    expect(tries.get("resetonce")).toBe(2);
    for (const board of ["reset", "falselength"]) {
      const failure = collect(`greenhouse:${board}`);
      await expect(failure).rejects.toThrow(
        `greenhouse:${board}: gave up after 4 tries (the connection closed before the answer was complete)`,
      );
      await expect(failure).rejects.toMatchObject({ code: "STORE_ERROR" });
      expect(tries.get(board)).toBe(4);
    }
    const slow = collect("greenhouse:drip", { ...local(), timeoutMs: 200 });
    await expect(slow).rejects.toThrow("greenhouse:drip: gave up after 4 tries (timed out)");
    expect(tries.get("drip")).toBe(4);
  });

  it("reads a Lever time it cannot hold as no date", () => {
    const job = { id: "a", text: "ML Engineer", descriptionPlain: "Python" };
    const dates = [1e20, -1e16, Number.NaN, 1762000000000].map((createdAt) => {
      const [item] = boardRecords("lever", "x", [{ ...job, createdAt }]);
      return item?.ok ? item.record.postedAt : item?.reason;
    });
    expect(dates).toEqual([undefined, undefined, undefined, "2025-11-01T12:26:40.000Z"]);
  });

  it("refuses HTML, redirects, refusals and oversized answers as the board's failing, and unknown boards", async () => {
    // The board's doing, not the user's: each had exited 2 ("bad input").
    const down = async (board: string, message: string, options: FetchOptions = local()) => {
      const failure = collect(`greenhouse:${board}`, options);
      await expect(failure, board).rejects.toThrow(message);
      await expect(failure, board).rejects.toMatchObject({ code: "STORE_ERROR" });
    };
    await down("html", "greenhouse:html answered HTML where JSON was expected");
    await down("blank", "greenhouse:blank answered an empty body where JSON was expected");
    await down("moved", "greenhouse:moved answered with a redirect (302); redirects are not followed");
    for (const status of [401, 403, 410]) await down(`r${status}`, `greenhouse:r${status} answered HTTP ${status}`);
    await down("huge", "greenhouse:huge sent more than 0.1 MB; refused", {
      ...local(),
      maxBytes: 100_000,
    });
    await expect(collect("greenhouse:nobody")).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining("greenhouse:nobody: no such board"),
    });
  });

  it("honours Retry-After up to a cap, and gives up at once when asked to wait longer", async () => {
    const waits: number[] = [];
    const options = { ...local(), sleep: async (ms: number) => void waits.push(ms) };
    expect((await collect("greenhouse:slowdown", options))[0]).toMatchObject({ ok: true });
    expect(waits).toEqual([3000]);
    waits.length = 0;
    expect((await collect("greenhouse:slowdate", options))[0]).toMatchObject({ ok: true });
    expect(waits[0]).toBeGreaterThan(8000);
    expect(waits[0]).toBeLessThanOrEqual(10_000);
    waits.length = 0;
    await expect(collect("greenhouse:closed", options)).rejects.toThrow(
      "greenhouse:closed: HTTP 503, and the board asks to wait 11,574 days before trying again; gave up",
    );
    expect(waits).toEqual([]);
    expect(tries.get("closed")).toBe(1);
  });

  it("gives a board a time limit for all its tries and waits together", async () => {
    let clock = 0;
    const options = {
      ...local(),
      deadlineMs: 2000,
      now: () => clock,
      sleep: async (ms: number) => {
        clock += ms;
      },
    };
    // Waits of 0.5 and 1 s fit in the 2 s; the third, of 2 s, would not.
    await expect(collect("greenhouse:down", options)).rejects.toThrow(
      "greenhouse:down: gave up after 3 tries in 2 s, the time one board is given (HTTP 500)",
    );
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    const now = Date.parse("2026-11-02T10:00:00Z");
    expect(retryAfter("7", now)).toBe(7000);
    expect(retryAfter("Mon, 02 Nov 2026 10:00:20 GMT", now)).toBe(20_000);
    expect(retryAfter("Mon, 02 Nov 2026 09:00:00 GMT", now)).toBe(0);
    for (const bad of [null, "", "soon"]) expect(retryAfter(bad, now)).toBeUndefined();
  });

  it("names what a job that is not an object is", async () => {
    expect((await collect("greenhouse:odd")).map((i) => !i.ok && i.reason)).toEqual([
      "job is a number, not an object",
      "job is null, not an object",
      "job is a string, not an object",
      "job is a list, not an object",
      "job without a title",
    ]);
  });

  it("fetches only the allowed origin, over https in production", async () => {
    await expect(getJson("http://169.254.169.254/latest", "https://boards-api.greenhouse.io")).rejects.toThrow(
      /not an allowed job-board host/,
    );
    await expect(
      getJson("http://boards-api.greenhouse.io/v1/boards/x/jobs", "http://boards-api.greenhouse.io"),
    ).rejects.toThrow(/only https is allowed/);
  });

  it("refuses other schemes, and hosts that resolve to loopback, private or metadata addresses (SSRF)", async () => {
    const allowed = "https://boards-api.greenhouse.io";
    for (const url of [
      "file:///etc/passwd",
      "ftp://boards-api.greenhouse.io/x",
      "https://boards-api.greenhouse.io.evil.test/x",
    ]) {
      await expect(getJson(url, allowed), url).rejects.toThrow(/not an allowed job-board host/);
    }
    let fetched = 0;
    const fetch = (async () => {
      fetched++;
      return new Response("[]", { headers: { "content-type": "application/json" } });
    }) as typeof globalThis.fetch;
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "169.254.169.254",
      "192.168.0.5",
      "172.20.0.1",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "0.0.0.0",
    ]) {
      const lookup = async () => [{ address, family: address.includes(":") ? 6 : 4 }];
      await expect(getJson(`${allowed}/v1/boards/x/jobs`, allowed, { lookup, fetch }), address).rejects.toThrow(
        /private or local address/,
      );
    }
    // One bad address among good ones is enough to refuse: the client might connect to any.
    const mixed = async () => [
      { address: "104.18.0.1", family: 4 },
      { address: "127.0.0.1", family: 4 },
    ];
    await expect(getJson(`${allowed}/v1/boards/x/jobs`, allowed, { lookup: mixed, fetch })).rejects.toThrow(
      /127\.0\.0\.1/,
    );
    expect(fetched).toBe(0);
    const publicOnly = async () => [{ address: "104.18.0.1", family: 4 }];
    expect(await getJson(`${allowed}/v1/boards/x/jobs`, allowed, { lookup: publicOnly, fetch })).toEqual([]);
    expect(fetched).toBe(1);
  });

  it("accepts only PROVIDER:BOARD with a safe board name", () => {
    expect(parseBoardSpec("lever:globex")).toEqual({ provider: "lever", board: "globex" });
    for (const bad of ["workday:acme", "greenhouse:", "greenhouse:../../admin", "greenhouse:a/b", "acme"]) {
      expect(() => parseBoardSpec(bad), bad).toThrow(AppError);
    }
  });

  it("skips a job whose text is not text, without walking it, and reads no id from an object", async () => {
    const items = await collect("greenhouse:deep");
    expect(items.map((i) => (i.ok ? i.record : i.reason))).toEqual([
      "content is a list, not text",
      expect.objectContaining({ title: "Data Scientist", description: "Python" }),
      expect.objectContaining({ title: "Analyst" }),
    ]);
    expect(items.flatMap((i) => (i.ok && i.record.externalId) || [])).toEqual([]);
  });

  it("fails the whole board on an answer without a job list", () => {
    for (const [provider, answer] of [
      ["greenhouse", { error: "nope" }],
      ["greenhouse", { jobs: {} }],
      ["greenhouse", []],
      ["lever", { ok: false }],
      ["ashby", null],
    ] as const)
      expect(() => boardRecords(provider, "x", answer), JSON.stringify(answer)).toThrow(
        expect.objectContaining({ code: "STORE_ERROR", message: `${provider}:x answered 200 with no jobs list` }),
      );
  });
});

describe("htmlToText", () => {
  it("keeps text, makes lists and blocks into lines, and decodes entities", () => {
    expect(htmlToText("<p>A &amp; B</p><ul><li>One</li><li>Two&nbsp;&#8211; 3</li></ul><style>p{}</style>")).toBe(
      "A & B\n\n- One\n- Two – 3",
    );
  });

  it("drops scripts, handlers and URLs, and keeps escaped markup as text", () => {
    const text = htmlToText(
      '<div onclick="steal()">Hi<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">apply</a></div><p>&lt;script&gt; &amp;lt;</p><iframe src="//evil">x</iframe>',
    );
    expect(text).toBe("Hiapply\n\n<script> &lt;");
    expect(text).not.toMatch(/alert|onerror|javascript|evil/);
  });

  it("reads broken and hostile markup without throwing", () => {
    for (const html of ["<p", "</div></div>", "<<<>>>", "&#99999999;", "<a href='x", "\u0000<b>\u0000</b>"]) {
      expect(typeof htmlToText(html)).toBe("string");
    }
  });
});
