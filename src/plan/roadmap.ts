import type { Profile } from "../documents/profile.js";
import type { KnowledgePack, Resource, Role } from "../knowledge/schema.js";
import { findGap, MILESTONES, type MilestoneId } from "./gap.js";

export interface PlanOptions {
  hoursPerWeek: number;
  /** The Monday (or any day) the plan starts, YYYY-MM-DD. */
  start: string;
  /** The level the person aims at, for the salary figure of the job search. */
  level?: "entry" | "mid" | "senior";
}

export interface PlanStep {
  skill: string;
  name: string;
  hours: number;
  /** First and last week (1-based) the step occupies. */
  week: number;
  endWeek: number;
  milestone: MilestoneId;
  reason: string;
  resources: { title: string; provider: string; url: string; hours: number; free: boolean }[];
}

export interface PlanProject {
  id: string;
  title: string;
  description: string;
  skills: string[];
  hours: number;
  week: number;
  endWeek: number;
}

export interface Milestone {
  id: MilestoneId;
  name: string;
  /** The week it is reached (its last step ends), and that week's last day. */
  week: number;
  date: string;
  hours: number;
}

export interface Plan {
  role: { id: string; name: string };
  hoursPerWeek: number;
  start: string;
  end: string;
  weeks: number;
  totalHours: number;
  steps: PlanStep[];
  projects: PlanProject[];
  milestones: Milestone[];
  jobSearch: {
    titles: string[];
    routes: { id: string; name: string; kind: string; cost?: { min: number; max: number; currency: string } }[];
    communities: { name: string; kind: string; url: string }[];
    salary: {
      label: string;
      amount: number;
      /** The middle half of the figures (25th to 75th percentile) where the source gives it. */
      range?: { p25: number; p75: number };
      currency: string;
      period: string;
      level?: string;
      asOf: string;
      source: string;
    }[];
    steps: string[];
  };
}

/** Hours of job-search work the plan reserves at the end: applications, interviews, networking. */
const JOB_SEARCH_HOURS = 20;

/**
 * Turns the gap between a profile and a role into a dated, week-by-week plan: the missing skills
 * in prerequisite order with resources, then portfolio projects, then the job search, packed
 * back to back at the given hours per week. Pure: the date of the start is passed in.
 */
export function buildPlan(profile: Profile, role: Role, pack: KnowledgePack, options: PlanOptions): Plan {
  const perWeek = options.hoursPerWeek;
  const gap = findGap(profile, role, pack);
  let hoursSoFar = 0;
  const place = (hours: number) => {
    const week = Math.floor(hoursSoFar / perWeek) + 1;
    hoursSoFar += hours;
    return { week, endWeek: Math.max(week, Math.ceil(hoursSoFar / perWeek)) };
  };
  const resourcesFor = (id: string) =>
    pack.resources
      .filter((r) => r.skills.includes(id))
      .sort((a, b) => Number(b.free) - Number(a.free) || a.hours - b.hours)
      .slice(0, 2)
      .map((r: Resource) => ({ title: r.title, provider: r.provider, url: r.url, hours: r.hours, free: r.free }));

  const steps: PlanStep[] = gap.map((g) => ({
    skill: g.skill.id,
    name: g.skill.name,
    hours: g.skill.hours,
    ...place(g.skill.hours),
    milestone: g.milestone,
    reason: g.reason === "prerequisite" ? `prerequisite of ${g.neededFor.join(", ")}` : `${g.reason} by the role`,
    resources: resourcesFor(g.skill.id),
  }));

  const ideas = pack.projects.filter((p) => p.role === role.id);
  const known = new Set(profile.skills.map((s) => s.id));
  // Projects that prove the most newly learnt skills first; two or three of them.
  const learnt = new Set(steps.map((s) => s.skill));
  const chosen = [...ideas]
    .sort(
      (a, b) =>
        b.skills.filter((s) => learnt.has(s) || known.has(s)).length -
        a.skills.filter((s) => learnt.has(s) || known.has(s)).length,
    )
    .slice(0, steps.length > 12 ? 3 : 2);
  const projects: PlanProject[] = chosen.map((p) => ({
    id: p.id,
    title: p.title,
    description: p.description,
    skills: p.skills,
    hours: p.hours,
    ...place(p.hours),
  }));
  place(JOB_SEARCH_HOURS);

  const totalHours = hoursSoFar;
  const weeks = Math.max(1, Math.ceil(totalHours / perWeek));
  const milestoneEnd = (id: MilestoneId): { week: number; hours: number } => {
    if (id === "job-search") return { week: weeks, hours: JOB_SEARCH_HOURS };
    const items = id === "portfolio" ? projects : steps.filter((s) => s.milestone === id);
    return {
      week: items.length ? Math.max(...items.map((s) => s.endWeek)) : 0,
      hours: items.reduce((s, x) => s + x.hours, 0),
    };
  };
  const milestones: Milestone[] = MILESTONES.map((m) => ({ ...m, ...milestoneEnd(m.id) }))
    .filter((m) => m.week > 0)
    .map((m) => ({ ...m, date: weekEnd(options.start, m.week) }));

  const routes = new Map(pack.education.map((r) => [r.id, r]));
  const level = options.level ?? "entry";
  const salary = role.salary
    .filter((s) => !s.level || s.level === level)
    .map((s) => ({
      label: s.label,
      amount: s.amount,
      ...(s.p25 !== undefined && s.p75 !== undefined ? { range: { p25: s.p25, p75: s.p75 } } : {}),
      currency: s.currency,
      period: s.period,
      ...(s.level ? { level: s.level } : {}),
      asOf: s.asOf,
      source: pack.sources.find((x) => x.id === s.source)?.title ?? s.source,
    }));
  const communities = pack.communities.filter((c) => c.roles.includes(role.id)).slice(0, 6);
  return {
    role: { id: role.id, name: role.name },
    hoursPerWeek: perWeek,
    start: options.start,
    end: weekEnd(options.start, weeks),
    weeks,
    totalHours,
    steps,
    projects,
    milestones,
    jobSearch: {
      titles: role.titles.slice(0, 8),
      routes: role.education
        .map((id) => routes.get(id))
        .filter((r) => r && r.kind !== "degree")
        .slice(0, 4)
        .map((r) => ({
          id: r?.id as string,
          name: r?.name as string,
          kind: r?.kind as string,
          ...(r?.cost ? { cost: r.cost } : {}),
        })),
      communities: communities.map((c) => ({ name: c.name, kind: c.kind, url: c.url })),
      salary,
      steps: [
        `Search for these titles: ${role.titles.slice(0, 5).join(", ")}.`,
        "Publish the portfolio projects with a README each, and link them from your resume and profile.",
        `Join ${
          communities
            .slice(0, 2)
            .map((c) => c.name)
            .join(" and ") || "a community for the role"
        }; contribute to one open-source project or competition.`,
        "Ask for informational interviews with people in the role; apply to 5-10 well-matched postings a week.",
      ],
    },
  };
}

/** The last day of week n of a plan that starts on `start` (YYYY-MM-DD). */
export function weekEnd(start: string, week: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + week * 7 - 1);
  return d.toISOString().slice(0, 10);
}
