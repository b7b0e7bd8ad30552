import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { hc, InferResponseType } from "hono/client";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, launchChromium } from "../scripts/chromium.js";
import type { AppType } from "../src/server/app.js";
import { BIN, runCli } from "./run-cli.js";

/** The trends answer as the API types it, for the one stubbed response below. */
type SkillTrends = InferResponseType<ReturnType<typeof hc<AppType>>["api"]["market"]["trends"]["$get"], 200>;

/**
 * The web UI in a real browser, against the built CLI's server over a throwaway store holding the
 * sample postings and one hostile posting. One browser and one page walk through the pages in
 * order, as a person would, so the profile read on Start carries over to Fit, Plan and Jobs.
 */
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.log(`test/web.test.ts skipped: no Chromium at ${CHROMIUM} (Debian package "chromium")`);

const root = join(import.meta.dirname, "..");
const shots = join(root, "test-results");
const XSS_SCRIPT = "<script>window.__xss=1</script>";
const XSS_IMG = '<img src=x onerror="window.__xss=1">';
const TOKEN = "web-test-token-0123456789";

async function startServer(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", ...args], {
    env: { PATH: process.env.PATH, NO_COLOR: "1", ...env },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let err = "";
    child.stdout.on("data", (d: Buffer) => {
      const m = String(d).match(/on (http:\/\/127\.0\.0\.1:\d+)\/api/);
      if (m?.[1]) resolve(m[1]);
    });
    child.stderr.on("data", (d: Buffer) => {
      err += String(d);
    });
    child.on("exit", () => reject(new Error(`server exited: ${err}`)));
    // A new store is created before the server listens: over 20 s on a loaded two-core machine.
    setTimeout(() => reject(new Error(`server did not start: ${err}`)), 45_000);
  });
  return { child, url };
}

async function stopServer(child: ChildProcessWithoutNullStreams | undefined) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

describe.skipIf(!hasChromium)("web UI in Chromium", () => {
  let tmp: string;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const nav = (name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });
  // This file is type-checked for Node, without the DOM's types.
  type Doc = { document: { activeElement: unknown } };
  const focused = (l: ReturnType<Page["locator"]>) =>
    l.evaluate((e) => e === (globalThis as unknown as Doc).document.activeElement);

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    tmp = mkdtempSync(join(tmpdir(), "mlpath-e2e-web-"));
    const hostile = join(tmp, "hostile.jsonl");
    writeFileSync(
      hostile,
      `${JSON.stringify({
        id: "hostile-1",
        title: `Zyxwv Data Engineer ${XSS_SCRIPT}`,
        company: `${XSS_IMG} Labs`,
        location: "Remote",
        url: "https://jobs.example.com/hostile-1",
        posted: "2026-11-01",
        industry: "Software",
        description: `We build pipelines. ${XSS_SCRIPT} ${XSS_IMG}\n\nRequirements:\n- 2+ years of Python and SQL\n- Airflow and dbt\n- Machine learning basics`,
      })}\n`,
    );
    const db = join(tmp, "db");
    const ingest = runCli(["ingest", join(root, "samples", "postings", "postings.jsonl"), hostile, "--db", db], {
      home: tmp,
    });
    expect(ingest.code, ingest.stderr).toBe(0);
    server = await startServer(["--db", db], { HOME: tmp });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    // A string, as this file is type-checked for Node, without the DOM's types.
    await page.addInitScript({
      content: `document.addEventListener("securitypolicyviolation", (e) =>
        console.error("CSP refused " + e.violatedDirective + ": " + e.blockedURI));`,
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server?.child);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it("loads / and reads an uploaded resume PDF", async () => {
    await page.goto(`${server?.url}/`);
    await expect(page.getByRole("heading", { name: "Your path into machine learning" }).isVisible()).resolves.toBe(
      true,
    );
    await page.getByLabel("Resume file").setInputFiles(join(root, "samples", "resumes", "software-engineer.pdf"));
    await page.getByRole("heading", { name: "Anja Keller" }).waitFor();
    await page.getByText("Read from software-engineer.pdf").waitFor();
    expect(await page.getByRole("heading", { name: "Skills and their evidence" }).isVisible()).toBe(true);
    expect(await page.locator(".skills-table tbody tr").count()).toBeGreaterThan(10);
    // A job reads as a role by its name; the role's id (software-engineer) had shown.
    await page.getByText("reads as Software Engineer").first().waitFor();
    expect(await page.getByText(/reads as [a-z-]+$/).count()).toBe(0);
    await shot("start-upload");
  });

  it("picks a sample, shows its profile, and corrects a skill in place", async () => {
    await page.getByRole("button", { name: /Lucas Moreau/ }).focus();
    await page.keyboard.press("Enter");
    await page.getByText("Read from sample: Lucas Moreau").waitFor();
    // Focus moves to what was read; the sample's button is disabled while reading, and focus had fallen to the top.
    await expect.poll(() => focused(page.locator(".next-steps"))).toBe(true);
    const profile = page.getByRole("region", { name: "Parsed profile" });
    expect(await profile.getByText("Computer Science Graduate, Machine Learning").first().isVisible()).toBe(true);
    expect(await profile.getByText("Machine Learning Intern").first().isVisible()).toBe(true);
    expect(await profile.getByText("Lakeshore University").first().isVisible()).toBe(true);
    const rows = page.locator(".skills-table tbody tr");
    const before = await rows.count();

    await page.getByRole("button", { name: "Remove French" }).click();
    await page.getByLabel("Add a skill").fill("kubernetes");
    await page
      .getByRole("list", { name: "Matching skills" })
      .getByRole("button", { name: /^Kubernetes/ })
      .press("Enter");
    await page.getByRole("row", { name: /Kubernetes.*added by you/ }).waitFor();
    // Back in the search for the next skill; the chosen button had gone, and focus with it.
    expect(await focused(page.getByLabel("Add a skill"))).toBe(true);
    expect(await rows.count()).toBe(before);
    expect(await page.getByRole("button", { name: "Remove French" }).count()).toBe(0);

    // The corrected profile lives in sessionStorage: a reload keeps it.
    await page.reload();
    await page.getByRole("row", { name: /Kubernetes.*added by you/ }).waitFor();
    await shot("start");
  });

  it("saves the profile in the server's store only when asked, loads it back after a reload, and deletes it", async () => {
    const storedProfiles = async () => (await page.request.get(`${server?.url}/api/profiles`)).json();
    // Two resumes read so far, and the server has kept neither.
    expect(await storedProfiles()).toEqual([]);
    const saved = page.getByRole("region", { name: "Saved in this server's store" });
    expect(await saved.getByText("until you delete it").isVisible()).toBe(true);
    const name = saved.getByLabel("Name for the saved profile");
    expect(await name.inputValue()).toBe("Lucas Moreau");
    await name.fill("Lucas, corrected");
    await saved.getByRole("button", { name: "Save in this server's store" }).click();
    await saved.getByText(/^Saved "Lucas, corrected" with \d+ skills\.$/).waitFor();
    const list = saved.getByRole("list", { name: "Saved profiles" });
    const item = list.getByRole("listitem").filter({ hasText: "Lucas, corrected" });
    await item.waitFor();
    expect(await storedProfiles()).toEqual([expect.objectContaining({ name: "Lucas, corrected" })]);
    await shot("start-saved");

    // Forgotten in the tab, then a reload: the saved one is still listed, and loads as if read.
    await page.getByRole("button", { name: "Forget this profile" }).press("Enter");
    // Back at the upload, to read another: the button went with the profile, and focus had fallen to the top.
    expect(await focused(page.getByLabel("Resume file"))).toBe(true);
    await page.reload();
    await item.waitFor();
    expect(await page.getByRole("region", { name: "Parsed profile" }).count()).toBe(0);
    await list.getByRole("button", { name: "Load Lucas, corrected" }).click();
    await page.getByText("Read from saved: Lucas, corrected").waitFor();
    await page.getByRole("row", { name: /Kubernetes.*added by you/ }).waitFor();
    expect(await page.getByRole("button", { name: "Remove French" }).count()).toBe(0);

    await list.getByRole("button", { name: "Delete Lucas, corrected" }).click();
    const confirm = saved.getByRole("group", { name: "Confirm deleting Lucas, corrected" });
    await confirm.getByRole("button", { name: "Keep it" }).click();
    expect(await item.isVisible()).toBe(true);
    await list.getByRole("button", { name: "Delete Lucas, corrected" }).click();
    await confirm.getByRole("button", { name: "Yes, delete" }).click();
    await saved.getByText("No profiles are saved on this server.").waitFor();
    expect(await list.count()).toBe(0);
    expect(await storedProfiles()).toEqual([]);
    // The loaded profile stays in the tab for the pages that follow.
    expect(await page.getByText("Read from saved: Lucas, corrected").isVisible()).toBe(true);
  });

  it("ranks the roles with a score bar each and shows per-requirement evidence", async () => {
    await nav("Fit").click();
    await page.getByRole("heading", { name: "How you fit each role" }).waitFor();
    // Each page names the browser tab; every one had been "mlpath".
    expect(await page.title()).toBe("How you fit each role · mlpath");
    await page.locator(".fit-row").first().waitFor();
    expect(await page.locator(".fit-row .score-fill").count()).toBe(17);
    const first = page.locator(".evidence-table").first();
    expect(await first.getByText("met", { exact: true }).first().isVisible()).toBe(true);
    expect(await first.getByText("missing", { exact: true }).first().isVisible()).toBe(true);
    expect(await first.locator("q").first().textContent()).not.toBe("");
    await shot("fit");
  });

  it("plans the best role, re-plans when the hours per week change, and exports Markdown", async () => {
    await nav("Plan").click();
    const weeks = page.getByTestId("plan-weeks");
    await weeks.waitFor();
    const at10 = (await weeks.textContent()) ?? "";
    expect(at10).toMatch(/^\d+ weeks?$/);
    expect(
      await page
        .getByText(/Weeks? \d+/)
        .first()
        .isVisible(),
    ).toBe(true);
    expect(await page.locator(".resources a[href^='https://']").count()).toBeGreaterThan(0);
    // The titles to search for are said once (a second "Search for:" line had repeated them).
    expect(await page.getByText(/Search for/).count()).toBe(1);
    // Each portfolio project names the skills it proves (the page had shown none).
    expect(await page.getByTestId("project-skills").first().textContent()).toMatch(/\w/);

    await page.getByLabel("Hours per week").fill("40");
    await page.getByText("at 40 h a week").waitFor();
    const at40 = (await weeks.textContent()) ?? "";
    expect(Number.parseInt(at40, 10)).toBeLessThan(Number.parseInt(at10, 10));

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export as Markdown" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^mlpath-plan-.+\.md$/);
    const markdown = readFileSync((await download.path()) as string, "utf8");
    expect(markdown).toContain("# Plan: ");
    expect(markdown).toContain("40 hours a week");
    // Written by the server, the same checklist as `mlpath plan --format md`.
    expect(markdown).toContain("- [ ] **");
    const [calendar] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export as calendar" }).click(),
    ]);
    expect(calendar.suggestedFilename()).toMatch(/^mlpath-plan-.+\.ics$/);
    expect(readFileSync((await calendar.path()) as string, "utf8")).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*BEGIN:VEVENT/);
    await shot("plan");

    // A preferred skill that needs far more study first than it is worth waits in its own list.
    await page.getByLabel("Role").selectOption("ml-engineer");
    const later = page.getByTestId("plan-later");
    await later.waitFor();
    expect(await later.textContent()).toMatch(/System design.*needs \d+ h first: .*Distributed systems/);

    // The plan starts on the day chosen; there had been no way to choose one but the server's today.
    await page.getByLabel("Start", { exact: true }).fill("2027-01-04");
    await page.getByText(/· 2027-01-04 to \d{4}-\d{2}-\d{2}$/).waitFor();

    // The focus ring stands out 3:1 from what it is drawn on, white in the page and the menu's dark blue;
    // the pale ring had been 2:1 on white.
    type Css = { getComputedStyle(e: unknown): { outlineColor: string } };
    const ring = (l: ReturnType<Page["locator"]>) =>
      l.evaluate((e) => (globalThis as unknown as Css).getComputedStyle(e).outlineColor);
    const luminance = (rgb: string) => {
      const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map((c) => {
        const s = Number(c) / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: string, b: string) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    await page.getByLabel("Hours per week").focus();
    await page.keyboard.press("Shift+Tab");
    const role = page.getByLabel("Role");
    expect(await focused(role)).toBe(true);
    expect(contrast(await ring(role), "rgb(255, 255, 255)")).toBeGreaterThanOrEqual(3);
    await nav("Plan").focus();
    await page.keyboard.press("Tab");
    expect(contrast(await ring(nav("Jobs")), "rgb(59, 63, 143)")).toBeGreaterThanOrEqual(3);
  });

  it("leaves no page arrival pending after a link that keeps the page shown", async () => {
    // From /plan?role=ml-engineer, the menu's Plan link: the page stays mounted, and focus on the link.
    await nav("Plan").click();
    await page.waitForURL(/\/plan$/);
    expect(await focused(nav("Plan"))).toBe(true);
    // Focus let go by a click on the page's text, then a heading shown by no arrival: a navigation in
    // place, as navigate(to, { replace: true }) makes one. It had taken focus on the Plan link's arrival.
    await page.locator(".footer").click();
    expect(await page.evaluate("document.activeElement === document.body")).toBe(true);
    await page.evaluate(
      `history.replaceState(null, "", "/roles/data-scientist"); dispatchEvent(new Event("mlpath:navigate"))`,
    );
    const heading = page.getByRole("heading", { level: 1, name: "Data Scientist" });
    await heading.waitFor();
    expect(await focused(heading)).toBe(false);
  });

  it("ranks stored postings with matched and missing skills", async () => {
    await nav("Jobs").click();
    await page.getByRole("heading", { name: "Postings ranked for you" }).waitFor();
    await page.locator(".posting").first().waitFor();
    expect(await page.locator(".posting").count()).toBeGreaterThan(5);
    // 20 of the 39 stored are shown, and the page says so.
    expect(await page.getByText(/^The 20 best matches; there may be more\./).isVisible()).toBe(true);
    // More can be shown; there had been no way past the first 20 but narrowing the search.
    const more = page.getByRole("button", { name: "Show 20 more" });
    // Asking for more fails: the error shows beside the list and takes focus, and the postings and the
    // button stay to try again; the button had gone until the next search.
    const seen = problems.length;
    await page.route(/\/api\/jobs\/search/, (route) =>
      route.fulfill({ status: 503, json: { error: { code: "UNAVAILABLE", message: "the store is busy" } } }),
    );
    await more.press("Enter");
    const failed = page.getByRole("alert").filter({ hasText: "Could not show more postings" });
    await failed.getByText(/the store is busy \(UNAVAILABLE\)/).waitFor();
    await expect.poll(() => focused(failed.locator(".."))).toBe(true);
    expect(await page.locator(".posting").count()).toBe(20);
    await page.unroute(/\/api\/jobs\/search/);
    // The browser logs the refused request itself; that one is expected here.
    expect(problems.splice(seen)).toEqual([expect.stringMatching(/status of 503/)]);
    await more.press("Enter");
    await expect.poll(() => page.locator(".posting").count()).toBeGreaterThan(20);
    // On at the first posting added: the button went, and focus had fallen to the top, 20 postings back.
    await expect.poll(() => focused(page.locator(".posting").nth(20))).toBe(true);
    expect(await page.getByText(/best matches; there may be more/).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Show \d+ more$/ }).count()).toBe(0);
    const first = page.locator(".posting").first();
    expect(await first.getByText(/You have \(\d+\)/).isVisible()).toBe(true);
    // The missing skills listed are the required ones; "Missing (0)" had read as lacking nothing.
    expect(await first.getByText(/Required, missing \(\d+\)/).isVisible()).toBe(true);
    expect(await first.getByTestId("matched").locator(".chip").count()).toBeGreaterThan(0);
    // A posting's stated pay and day are shown; a card had shown neither.
    await expect
      .poll(() => page.getByTestId("posting-facts").allTextContents())
      .toContainEqual(
        expect.stringMatching(/^\$[\d,]+( - \$[\d,]+)? \/ (year|hour|month)( · posted \d{4}-\d{2}-\d{2})?$/),
      );
    await shot("jobs");

    const all = await page.locator(".posting").count();
    await page.getByLabel("Remote only").check();
    await page.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => page.locator(".posting").count()).toBeLessThan(all);
    expect(await page.locator(".posting").count()).toBeGreaterThan(0);

    // A yearly amount that is no multiple of the arrows' step is a valid minimum, not one the browser refuses.
    const minSalary = page.getByLabel("Min. yearly salary");
    await minSalary.fill("72500");
    expect(await minSalary.evaluate((e) => (e as unknown as { checkValidity(): boolean }).checkValidity())).toBe(true);
    await minSalary.fill("");
  });

  it("shows the API's error in the page", async () => {
    const seen = problems.length;
    await page.getByLabel("Country").fill("1Z");
    await page.getByRole("button", { name: "Search" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Could not search the postings.*country.*\(INVALID_INPUT\)/);
    await page.getByLabel("Country").fill("");
    // A server that does not answer: the note says what to do about it.
    await page.route(/\/api\/jobs\/search/, (route) => route.abort());
    await page.getByRole("button", { name: "Search" }).click();
    await page
      .getByRole("alert")
      .getByText(/did not answer .*check that mlpath serve is still running/)
      .waitFor();
    await page.unroute(/\/api\/jobs\/search/);
    // The browser logs the 400 and the refused request itself; those are expected here.
    expect(problems.splice(seen)).toEqual([
      expect.stringMatching(/status of 400/),
      expect.stringMatching(/net::ERR_FAILED/),
    ]);
  });

  it("shows hostile posting text as text and never runs it", async () => {
    await page.getByLabel("Remote only").uncheck();
    await page.getByLabel("Words").fill("Zyxwv");
    await page.getByRole("button", { name: "Search" }).click();
    const hostile = page.locator(".posting", { hasText: "Zyxwv" });
    await hostile.waitFor();
    const title = hostile.getByRole("heading", { level: 2 });
    expect(await title.isVisible()).toBe(true);
    expect(await title.textContent()).toBe(`Zyxwv Data Engineer ${XSS_SCRIPT}`);
    expect(await hostile.locator(".posting-where").textContent()).toBe(`${XSS_IMG} Labs · Remote`);
    expect(await page.locator(".posting img, .posting script").count()).toBe(0);
    expect(await page.evaluate(() => "__xss" in globalThis)).toBe(false);
    await shot("jobs-hostile");
  });

  it("draws the market charts and a salary range", async () => {
    await nav("Market").click();
    await page.getByRole("heading", { name: "Skills in demand" }).waitFor();
    for (const label of ["Skill demand bar chart", "Salary percentiles by level", "Salary estimate range"]) {
      const canvas = page.getByRole("img", { name: label }).locator("canvas");
      await canvas.waitFor();
      const box = await canvas.boundingBox();
      expect(box?.width, label).toBeGreaterThan(100);
      expect(box?.height, label).toBeGreaterThan(50);
    }
    expect(await page.getByText(/Share of \d+ unique postings/).isVisible()).toBe(true);
    expect(await page.getByText(/80% interval \$[\d,]+ to \$[\d,]+/).isVisible()).toBe(true);
    // Each chart's numbers as text, folded below it: the canvas tooltips had been the only place they were
    // written, out of reach of the keyboard and of screen readers. Opened with the keyboard.
    const numbers = (label: string) => page.locator("details", { has: page.locator(`table[aria-label^="${label}"]`) });
    await numbers("Skill demand").locator("summary").focus();
    await page.keyboard.press("Enter");
    const demand = page.getByRole("table", { name: "Skill demand" });
    await demand.waitFor();
    const firstSkill = await demand.locator("tbody tr").first().locator("td").allTextContents();
    expect(firstSkill[0]).toMatch(/^\d+%$/);
    expect(firstSkill[1]).toMatch(/^\d+ of [\d,]+ postings$/);
    await numbers("Salary estimate range").locator("summary").click();
    const estimateRow = page
      .getByRole("table", { name: "Salary estimate range" })
      .getByRole("row", { name: /^Estimate/ });
    expect(await estimateRow.locator("td").textContent()).toMatch(/^\$[\d,]+ \/ year$/);
    // The survey group in the words of the form, as the server now labels it.
    expect(await page.getByText(/survey records in Data Scientist \/ mid \/ US/).isVisible()).toBe(true);
    // The same estimate in euros, at the survey's dated rate, and refined by a job title.
    await page.getByLabel("Currency").selectOption("EUR");
    await page.getByLabel("Job title").fill("Senior Data Scientist");
    await page.getByRole("button", { name: "Estimate" }).click();
    await page.getByText(/converted from USD at the survey's \d{4} average rate \(1 USD = 0\.\d{4} EUR\)/).waitFor();
    expect(await page.getByText(/80% interval €[\d,]+ to €[\d,]+/).isVisible()).toBe(true);
    expect(await page.getByText(/the usual mix of pay currencies in US/).isVisible()).toBe(true);
    // The pay's own currency is a different question from the currency the answer is shown in.
    await page.getByLabel("Paid in").selectOption("USD");
    await page.getByRole("button", { name: "Estimate" }).click();
    await page.getByText(/· paid in USD/).waitFor();
    // Too few answers in a group: the estimate says which groups were too small and what it used instead.
    await page.getByRole("textbox", { name: "Country" }).fill("NG");
    await page.getByRole("combobox", { name: /^Level/ }).selectOption("executive");
    await page.getByRole("button", { name: "Estimate" }).click();
    await page
      .getByText(/survey records in Data Scientist \/ executive \/ all countries, as there were too few in .*\/ NG/)
      .waitFor();
    await shot("market");
  });

  it("compares skills between two periods and breaks postings down by industry and employer", async () => {
    // 39 dated postings from 2026-10-01 to 2026-11-04, far too few for any share to move beyond chance.
    const trends = page.getByRole("region", { name: "Rising and falling skills" });
    const totals = trends.getByTestId("trend-totals");
    await trends.getByText("No change beyond chance between the two periods.").waitFor();
    // Periods are whole months: 30 postings in October, 9 in November.
    expect(await totals.textContent()).toMatch(
      /^30 postings before 2026-11-01 and 9 from it on \(split at the first month after the median posting\)\./,
    );
    await trends.getByLabel("Split date").fill("2026-12-15");
    await trends.getByRole("button", { name: "Compare" }).click();
    await trends.getByText(/^39 postings before 2026-12-01 and 0 from it on\./).waitFor();
    expect(await trends.getByText(/Every posting falls before 2026-12-01/).isVisible()).toBe(true);

    const industries = page.getByRole("region", { name: "Industries and employers" });
    const canvas = industries.getByRole("img", { name: "Postings by industry bar chart" }).locator("canvas");
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    expect(box?.height).toBeGreaterThan(50);
    const employers = industries.getByRole("table", { name: "Top employers" });
    expect(await employers.locator("tbody tr").count()).toBe(10);
    // The hostile posting's employer, as text; its source's industry label maps to the pack's.
    const hostile = employers.getByRole("row", { name: /Labs/ });
    expect(await hostile.getByRole("cell").allTextContents()).toEqual([
      `${XSS_IMG} Labs`,
      "Software publishers",
      "1",
      "not stated",
    ]);
    expect(await page.locator("main img, main script").count()).toBe(0);
    await shot("market-trends");

    // The samples never move beyond chance; a stubbed answer shows how rising and falling skills read.
    const stub: SkillTrends = {
      split: "2026-10-25",
      totals: { before: 120, after: 130 },
      rising: [
        {
          skill: "pytorch",
          name: "PyTorch",
          before: 24,
          after: 52,
          shareBefore: 0.2,
          shareAfter: 0.4,
          change: 20,
          z: 3.4,
          q: 0.004,
        },
      ],
      falling: [
        {
          skill: "hadoop",
          name: "Hadoop",
          before: 30,
          after: 13,
          shareBefore: 0.25,
          shareAfter: 0.1,
          change: -15,
          z: -3.1,
          q: 0.01,
        },
      ],
    };
    await page.route(/\/api\/market\/trends\?.*split=2026-10-25/, (route) => route.fulfill({ json: stub }));
    await trends.getByLabel("Split date").fill("2026-10-25");
    await trends.getByRole("button", { name: "Compare" }).click();
    const rising = trends.getByRole("table", { name: "Rising skills" });
    await rising.waitFor();
    expect(await rising.locator("tbody td").allTextContents()).toEqual([
      "PyTorch",
      "20%",
      "\u2192 40%",
      "\u25b2 +20.0 pts",
    ]);
    const falling = trends.getByRole("table", { name: "Falling skills" });
    expect(await falling.locator("tbody td").allTextContents()).toEqual([
      "Hadoop",
      "25%",
      "\u2192 10%",
      "\u25bc \u221215.0 pts",
    ]);
    // This file is type-checked for Node, without the DOM's types.
    type Css = { getComputedStyle(e: unknown): { color: string } };
    const colour = (table: typeof rising) =>
      table.locator(".trend-change").evaluate((e) => (globalThis as unknown as Css).getComputedStyle(e).color);
    expect(await colour(rising)).toBe("rgb(4, 120, 87)");
    expect(await colour(falling)).toBe("rgb(185, 28, 28)");
    expect(await trends.getByText("No change beyond chance").count()).toBe(0);
    await page.unroute(/\/api\/market\/trends/);
    await shot("market-trends-stubbed");
  });

  it("shows the role atlas and a role with its cited pay", async () => {
    await nav("Roles").click();
    // Shift+Tab back up the atlas: each card comes into view clear of the sticky menu; they had stopped under it.
    const cards = page.locator(".role-card");
    await cards.last().focus();
    const menu = await page.getByRole("navigation", { name: "Main" }).boundingBox();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press("Shift+Tab");
      const card = await page.locator(".role-card:focus").boundingBox();
      expect(card?.y, `card ${i}`).toBeGreaterThanOrEqual((menu?.y ?? 0) + (menu?.height ?? 0));
    }
    await page.getByRole("link", { name: /^Data Scientist/ }).press("Enter");
    await page.getByRole("heading", { name: "Ways in" }).waitFor();
    // The role's heading takes focus: the link pressed went away with the atlas, and focus had fallen to the top.
    expect(await focused(page.getByRole("heading", { level: 1, name: "Data Scientist" }))).toBe(true);
    expect(await page.title()).toBe("Data Scientist · mlpath");
    expect(await page.getByRole("heading", { name: "Required skills" }).isVisible()).toBe(true);
    expect(
      await page
        .getByRole("link", { name: /Bureau of Labor Statistics/ })
        .first()
        .isVisible(),
    ).toBe(true);
    await shot("role");
    // A role that does not exist still has a page heading and says so in the tab; it had had no heading at all.
    const seen = problems.length;
    await page.goto(`${server?.url}/roles/no-such-role`);
    await page.getByRole("heading", { level: 1, name: "Could not load this role" }).waitFor();
    expect(await page.title()).toBe("Could not load this role · mlpath");
    // The browser logs the refused request itself; that one is expected here.
    expect(problems.splice(seen)).toEqual([expect.stringMatching(/status of 404/)]);
  });

  it("analyzes a job description: what it reads as, marked mentions and suggestions", async () => {
    await nav("JD analyzer").click();
    // A text the API refuses, then a request that gets no answer: focus goes to the error each time; the
    // button is disabled while reading, and focus had fallen to the top of the page.
    const seen = problems.length;
    const failed = page.getByRole("alert").filter({ hasText: "Could not analyze the posting" });
    await page.getByLabel("Posting text").fill("x".repeat(500_001));
    await page.getByRole("button", { name: "Analyze" }).click();
    await failed.getByText(/\(INVALID_INPUT\)/).waitFor();
    await expect.poll(() => focused(failed.locator(".."))).toBe(true);
    await page.route(/\/api\/extract/, (route) => route.abort());
    await page.getByLabel("Posting text").fill("Python and SQL");
    await page.getByRole("button", { name: "Analyze" }).click();
    await failed.getByText(/did not answer/).waitFor();
    await expect.poll(() => focused(failed.locator(".."))).toBe(true);
    await page.unroute(/\/api\/extract/);
    // The browser logs the 400 and the refused request itself; those are expected here.
    expect(problems.splice(seen)).toEqual([
      expect.stringMatching(/status of 400/),
      expect.stringMatching(/net::ERR_FAILED/),
    ]);
    const text = [
      "Junior Machine Learning Engineer (entry level)",
      `About us: ${XSS_SCRIPT}`,
      "Requirements:",
      "- 5+ years of experience with Python, PyTorch and Docker",
      "- PhD in Computer Science required",
      `- ${XSS_IMG} SQL and scikit-learn`,
    ].join("\n");
    await page.getByLabel("Posting text").fill(text);
    await page.getByRole("button", { name: "Analyze" }).click();
    const analysis = page.getByRole("region", { name: "Analysis" });
    await analysis.getByRole("heading", { name: "What it reads as" }).waitFor();
    // Focus goes to the answer; the disabled button had dropped it to the top of the page.
    await expect.poll(() => focused(analysis)).toBe(true);
    expect(await analysis.getByRole("link", { name: "Machine Learning Engineer" }).isVisible()).toBe(true);
    const marked = page.getByTestId("marked-text");
    expect(await marked.locator("mark").allInnerTexts()).toEqual(
      expect.arrayContaining(["Python", "PyTorch", "Docker", "SQL"]),
    );
    expect(await marked.textContent()).toContain(XSS_SCRIPT);
    await analysis.getByText("asks for 5+ years of experience").waitFor();
    expect(await analysis.getByText("It asks for a PhD").isVisible()).toBe(true);
    expect(await analysis.getByText("No salary is stated").isVisible()).toBe(true);
    expect(await analysis.getByText(/roles usually ask for/).isVisible()).toBe(true);
    expect(await page.evaluate(() => "__xss" in globalThis)).toBe(false);
    await shot("analyze");
  });

  it("fits a 375 px wide phone: no page scrolls sideways", async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    // This file is type-checked for Node, without the DOM's types.
    type Doc = { document: { documentElement: { scrollWidth: number; clientWidth: number } } };
    const overflow = () =>
      page.evaluate(() => {
        const root = (globalThis as unknown as Doc).document.documentElement;
        return root.scrollWidth - root.clientWidth;
      });
    // The skills table's hidden "Remove" header, the role select's longest name, a long industry chip.
    for (const [path, ready] of [
      ["/", ".skills-table"],
      ["/roles/data-scientist", "table"],
      ["/plan", "[data-testid=plan-weeks]"],
      ["/jobs", ".posting"],
      // The first table is a chart's numbers, folded away until asked for.
      ["/market", "table[aria-label='Top employers']"],
    ] as const) {
      await page.goto(`${server?.url}${path}`);
      await page.locator(ready).first().waitFor();
      expect(await overflow(), path).toBeLessThanOrEqual(0);
    }
    // The plan's timeline keeps room for its weeks: "week 1" and the last week's label had overlapped.
    await page.goto(`${server?.url}/plan`);
    const firstWeek = await page.locator(".gantt-first").boundingBox();
    const lastWeek = await page.locator(".gantt-last").boundingBox();
    expect((firstWeek?.x ?? 0) + (firstWeek?.width ?? 0)).toBeLessThan(lastWeek?.x ?? 0);
    // A saved profile's name of one long word had widened the Start page to 2,000 px.
    await page.goto(`${server?.url}/`);
    const saved = page.getByRole("region", { name: "Saved in this server's store" });
    const long = "x".repeat(150);
    await saved.getByLabel("Name for the saved profile").fill(long);
    await saved.getByRole("button", { name: "Save in this server's store" }).click();
    await saved.getByRole("button", { name: `Delete ${long}` }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await saved.getByRole("button", { name: `Delete ${long}` }).click();
    await saved.getByRole("button", { name: "Yes, delete" }).click();
    await saved.getByText("No profiles are saved on this server.").waitFor();
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("ran without page errors, console errors or CSP refusals", () => {
    expect(problems).toEqual([]);
  });

  it("reads pasted text, naming it as pasted text and the profile after the person", async () => {
    const tab = await browser.newPage();
    // A new tab has no profile: the Fit page asks for one under a heading of the first level (it had been an h2 alone).
    await tab.goto(`${server?.url}/fit`);
    await tab.getByRole("heading", { level: 1, name: "First, a resume" }).waitFor();
    expect(await tab.title()).toBe("Role fit · mlpath");
    await tab.goto(`${server?.url}/`);
    // A text the server cannot read: focus goes to the error (the button is disabled while reading,
    // and focus had fallen to the top of the page).
    await tab.getByLabel("Resume text").fill("%PDF-1.4 not really a PDF");
    await tab.getByRole("button", { name: "Read pasted text" }).click();
    const refusal = tab.getByRole("alert").filter({ hasText: "Could not read the resume" });
    await refusal.waitFor();
    await expect.poll(() => focused(refusal.locator(".."))).toBe(true);
    // The page had said it read "pasted-resume.txt", a file the person never had.
    await tab
      .getByLabel("Resume text")
      .fill(
        "Priya Raman\npriya@example.com\n\nSkills\nPython, SQL, pandas, scikit-learn\n\nExperience\nData Analyst, Acme Corp, 2021 - 2024",
      );
    await tab.getByRole("button", { name: "Read pasted text" }).click();
    await tab.getByText("Read from pasted text.", { exact: false }).waitFor();
    const saved = tab.getByRole("region", { name: "Saved in this server's store" });
    expect(await saved.getByLabel("Name for the saved profile").inputValue()).toBe("Priya Raman");
    await tab.close();
  }, 60_000);

  it("asks for the token once when the server has one, and keeps it for the session", async () => {
    await page.close();
    await stopServer(server?.child);
    server = await startServer(["--db", join(tmp, "db")], { HOME: tmp, MLPATH_TOKEN: TOKEN });
    const locked = await browser.newPage();
    await locked.goto(`${server.url}/`);
    const dialog = locked.getByRole("form", { name: "This server needs a token" });
    await dialog.waitFor();
    // A modal dialog: Tab stays inside it (it had walked out to the page behind).
    expect(await locked.getByRole("dialog", { name: "This server needs a token" }).count()).toBe(1);
    for (let i = 0; i < 6; i++) await locked.keyboard.press("Tab");
    expect(await locked.locator("dialog :focus").count()).toBe(1);
    // Escape cancels, as the Cancel button does; it had done nothing.
    await locked.keyboard.press("Escape");
    await locked.getByText("a valid bearer token is required").first().waitFor();
    expect(await dialog.count()).toBe(0);
    // Loads refused after the cancel show their error; one still in flight had opened the form again.
    const lockedNav = (name: string) =>
      locked.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });
    await lockedNav("Roles").click();
    await locked.getByRole("heading", { level: 1 }).waitFor();
    await locked.getByText("a valid bearer token is required").first().waitFor();
    expect(await dialog.count()).toBe(0);
    await lockedNav("Start").click();
    await locked.getByText("a valid bearer token is required").first().waitFor();
    expect(await dialog.count()).toBe(0);
    // The way back after a cancel, without a reload (there had been none): the refused loads retry.
    await locked.getByRole("button", { name: "Enter the token" }).first().click();
    await dialog.waitFor();
    await dialog.getByLabel("Token").fill("wrong-token-0000000000");
    await dialog.getByRole("button", { name: "Continue" }).click();
    await dialog.getByText("The server refused that token").waitFor();
    await dialog.getByLabel("Token").fill(TOKEN);
    await dialog.getByRole("button", { name: "Continue" }).click();
    await locked.getByRole("button", { name: /Lucas Moreau/ }).waitFor();
    await locked.reload();
    await locked.getByRole("button", { name: /Lucas Moreau/ }).waitFor();
    expect(await dialog.count()).toBe(0);
    await locked.screenshot({ path: join(shots, "token.png") });
    await locked.close();
  }, 45_000);

  it("says an empty store is empty, not that filters match nothing", async () => {
    await stopServer(server?.child);
    server = await startServer(["--db", join(tmp, "empty-db")], { HOME: tmp });
    const empty = await browser.newPage();
    await empty.goto(`${server.url}/market`);
    await empty.getByText("No postings stored. Add some with mlpath ingest.").waitFor();
    // "Share of 0 unique postings" had stood above it.
    expect(await empty.getByText(/Share of \d+ unique postings/).count()).toBe(0);
    await empty.goto(`${server.url}/`);
    await empty.getByRole("button", { name: /Lucas Moreau/ }).click();
    await empty.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs", exact: true }).click();
    // No filter was set: the page had asked to loosen them.
    await empty.getByText("The store holds no postings yet.").waitFor();
    await empty.close();
  }, 90_000);
});
