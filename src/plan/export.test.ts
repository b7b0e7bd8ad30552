import { describe, expect, it } from "vitest";
import { planIcs, planMarkdown } from "./export.js";
import type { Plan } from "./roadmap.js";

const plan: Plan = {
  role: { id: "ml-engineer", name: "Machine Learning Engineer" },
  hoursPerWeek: 10,
  start: "2027-01-04",
  end: "2027-03-28",
  weeks: 12,
  totalHours: 120,
  steps: [
    {
      skill: "docker",
      name: "Docker",
      hours: 20,
      week: 1,
      endWeek: 2,
      milestone: "foundations",
      reason: "required by the role",
      resources: [{ title: "Docker docs", provider: "Docker", url: "https://docs.docker.com/", hours: 5, free: true }],
    },
  ],
  later: [
    {
      skill: "system-design",
      name: "System design",
      hours: 80,
      needsFirst: [{ skill: "distributed-systems", name: "Distributed systems", hours: 100 }],
      needsFirstHours: 100,
    },
  ],
  projects: [
    {
      id: "p1",
      title: "Serve a model",
      description: "An API | with tests",
      skills: [
        { skill: "docker", name: "Docker", new: false },
        { skill: "mlflow", name: "MLflow", new: true },
      ],
      hours: 30,
      week: 3,
      endWeek: 5,
    },
  ],
  milestones: [
    { id: "foundations", name: "Foundations | basics", week: 2, date: "2027-01-17", hours: 20 },
    { id: "portfolio", name: "Portfolio", week: 5, date: "2027-02-07", hours: 30 },
    { id: "job-search", name: "Job search", week: 12, date: "2027-03-28", hours: 70 },
  ],
  jobSearch: {
    titles: ["ML Engineer"],
    routes: [],
    communities: [{ name: "MLOps Community", kind: "forum", url: "https://mlops.community/" }],
    salary: [
      { label: "BLS median", amount: 140000, currency: "USD", period: "year", asOf: "2024-05", source: "bls-oes" },
    ],
    steps: ["Apply to 5 postings a week"],
  },
};

describe("planMarkdown", () => {
  it("writes every part of the plan as a checklist by milestone, with links and escaped table cells", () => {
    const md = planMarkdown(plan);
    for (const line of [
      "# Plan: Machine Learning Engineer",
      "12 weeks at 10 hours a week (120 hours), 2027-01-04 to 2027-03-28.",
      "| Foundations \\| basics | 2 | 2027-01-17 | 20 |",
      "## Foundations | basics (by 2027-01-17)",
      "- [ ] **Docker** - weeks 1-2, 20 h (required by the role)",
      "  - [Docker docs](https://docs.docker.com/), Docker, 5 h, free",
      "- [ ] **Serve a model** - weeks 3-5, 30 h. An API | with tests (proves Docker; new here: MLflow)",
      "- [ ] Apply to 5 postings a week",
      "- Pay: $140,000 / year median, BLS median; source: bls-oes, 2024-05",
      "- Community: [MLOps Community](https://mlops.community/) (forum)",
      "- **System design** - 80 h, preferred by the role; needs 100 h first: Distributed systems",
    ])
      expect(md).toContain(line);
    expect(md.endsWith("\n")).toBe(true);
  });

  it("keeps a bracket in a link's text from ending the link", () => {
    const step = plan.steps[0] as Plan["steps"][number];
    const r = { ...(step.resources[0] as Plan["steps"][number]["resources"][number]), title: "Docker [2024] docs" };
    expect(planMarkdown({ ...plan, steps: [{ ...step, resources: [r] }] })).toContain("[Docker \\[2024\\] docs](");
  });
});

describe("planIcs", () => {
  it("writes one all-day event per milestone, with CRLF lines and escaped text", () => {
    const ics = planIcs(plan);
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics).toContain("DTSTART;VALUE=DATE:20270117\r\nDTEND;VALUE=DATE:20270118");
    expect(ics).toContain("SUMMARY:Machine Learning Engineer: Foundations | basics");
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
  });

  it("escapes a line break of any kind in text, and leaves no control character in a line", () => {
    const ics = planIcs({ ...plan, role: { id: "ml-engineer", name: "A, B; C\\\r\nD\rE\nF\u0007G" } });
    expect(ics).toContain("SUMMARY:A\\, B\\; C\\\\\\nD\\nE\\nFG: Foundations | basics");
    // RFC 5545 3.3.11: text holds no control character but HTAB; lines end only in CRLF.
    for (const line of ics.split("\r\n")) expect(line).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/);
  });

  it("folds lines longer than 75 octets, never inside a character", () => {
    const long = planIcs({
      ...plan,
      role: { id: "ml-faculty", name: "Machine Learning Faculty (Professor or Lecturer) – é".repeat(2) },
    });
    const lines = long.split("\r\n");
    expect(Math.max(...lines.map((l) => Buffer.byteLength(l)))).toBeLessThanOrEqual(75);
    // Unfolded (RFC 5545 3.1), the summary is whole again.
    expect(long.replace(/\r\n /g, "")).toContain(
      `SUMMARY:${"Machine Learning Faculty (Professor or Lecturer) – é".repeat(2)}: Foundations | basics`,
    );
  });
});
