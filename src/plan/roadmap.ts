import { z } from "zod";
import { IsoDate } from "../documents/dates.js";
import type { Profile } from "../documents/profile.js";
import { type KnowledgePack, type Resource, type Role, SalaryFact } from "../knowledge/schema.js";
import { exercisedAtWork, findGap, MILESTONES, type MilestoneId } from "./gap.js";

export interface PlanOptions {
  hoursPerWeek: number;
  /** The Monday (or any day) the plan starts, YYYY-MM-DD. */
  start: string;
  /** The level the person aims at, for the salary figure of the job search. */
  level?: "entry" | "mid" | "senior";
}

/**
 * What a person may ask of a plan. At least an hour a week, and a start before 2100, keep every
 * week's date a four-digit year: 1e-300 hours a week made the end date invalid and the plan throw.
 */
export const HoursPerWeek = z.number().min(1).max(100);
export const PlanStart = IsoDate.refine((d) => d >= "1970-01-01" && d <= "2100-12-31", "must be between 1970 and 2100");

const MilestoneIdSchema = z.enum(["foundations", "core-ml", "specialisation", "portfolio", "job-search"]);
const Week = z.number().int().positive();

export const PlanStep = z.object({
  skill: z.string(),
  name: z.string(),
  hours: z.number(),
  /** First and last week (1-based) the step occupies. */
  week: Week,
  endWeek: Week,
  milestone: MilestoneIdSchema,
  reason: z.string(),
  /** A skill the person has from the same group of alternatives, which shortens the step. */
  alternative: z.object({ skill: z.string(), name: z.string() }).optional(),
  resources: z.array(
    z.object({ title: z.string(), provider: z.string(), url: z.string(), hours: z.number(), free: z.boolean() }),
  ),
});
export type PlanStep = z.infer<typeof PlanStep>;

export const PlanProject = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  /**
   * The skills the project proves, by id and by name; `new` when neither the resume shows it nor a
   * step teaches it, so it is learnt while building the project.
   */
  skills: z.array(z.object({ skill: z.string(), name: z.string(), new: z.boolean() })),
  hours: z.number(),
  week: Week,
  endWeek: Week,
});
export type PlanProject = z.infer<typeof PlanProject>;

export const Milestone = z.object({
  id: MilestoneIdSchema,
  name: z.string(),
  /** The week it is reached (its last step ends), and that week's last day. */
  week: Week,
  date: z.string(),
  hours: z.number(),
});
export type Milestone = z.infer<typeof Milestone>;

/** A preferred skill kept out of the plan: what it would need first costs far more than it does. */
export const LaterStep = z.object({
  skill: z.string(),
  name: z.string(),
  hours: z.number(),
  needsFirst: z.array(z.object({ skill: z.string(), name: z.string(), hours: z.number() })),
  needsFirstHours: z.number(),
});
export type LaterStep = z.infer<typeof LaterStep>;

/** What `mlpath plan --json` prints and the API returns. */
export const Plan = z.object({
  role: z.object({ id: z.string(), name: z.string() }),
  hoursPerWeek: z.number(),
  start: z.string(),
  end: z.string(),
  weeks: Week,
  totalHours: z.number(),
  steps: z.array(PlanStep),
  /** Preferred skills left for later, each with the long study it needs first. */
  later: z.array(LaterStep),
  projects: z.array(PlanProject),
  milestones: z.array(Milestone),
  jobSearch: z.object({
    titles: z.array(z.string()),
    routes: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: z.string(),
        cost: z.object({ min: z.number(), max: z.number(), currency: z.string() }).optional(),
      }),
    ),
    communities: z.array(z.object({ name: z.string(), kind: z.string(), url: z.string() })),
    salary: z.array(
      z.object({
        label: z.string(),
        amount: z.number(),
        /** The middle half of the figures (25th to 75th percentile) where the source gives it. */
        range: z.object({ p25: z.number(), p75: z.number() }).optional(),
        currency: z.string(),
        period: SalaryFact.shape.period,
        level: z.string().optional(),
        asOf: z.string(),
        source: z.string(),
      }),
    ),
    steps: z.array(z.string()),
  }),
});
export type Plan = z.infer<typeof Plan>;

/** "A, B and C". */
const LIST = new Intl.ListFormat("en-GB", { type: "conjunction" });

/** Hours of job-search work the plan reserves at the end: applications, interviews, networking. */
const JOB_SEARCH_HOURS = 20;

/**
 * Turns the gap between a profile and a role into a dated, week-by-week plan: the missing skills
 * in prerequisite order with resources, then portfolio projects, then the job search, packed
 * back to back at the given hours per week. Pure: the date of the start is passed in.
 */
export function buildPlan(profile: Profile, role: Role, pack: KnowledgePack, options: PlanOptions): Plan {
  const perWeek = options.hoursPerWeek;
  const { steps: gap, later, toShow, known } = findGap(profile, role, pack);
  let hoursSoFar = 0;
  const place = (hours: number) => {
    const week = Math.floor(hoursSoFar / perWeek) + 1;
    hoursSoFar += hours;
    return { week, endWeek: Math.max(week, Math.ceil(hoursSoFar / perWeek)) };
  };
  // A resource lists its skills main topic first; the later ones it only touches on the way, and the
  // shortest of those had won: Kubernetes was to be learnt from the KServe docs, AWS from the S3
  // user guide. Among equally central ones, the nearest in depth to the hours planned: a 40-hour
  // Model Deployment step had been given the 2-hour Gradio Quickstart over Full Stack Deep Learning.
  const depthGap = (r: Resource, hours: number) => Math.abs(Math.log(r.hours / hours));
  const resourcesFor = (id: string, hours: number) =>
    pack.resources
      .filter((r) => r.skills.includes(id))
      .sort(
        (a, b) =>
          Number(b.free) - Number(a.free) ||
          a.skills.indexOf(id) - b.skills.indexOf(id) ||
          depthGap(a, hours) - depthGap(b, hours) ||
          a.hours - b.hours,
      )
      .slice(0, 2)
      .map((r: Resource) => ({ title: r.title, provider: r.provider, url: r.url, hours: r.hours, free: r.free }));

  // The reason is read by people (the page, Markdown, the calendar): skills by name, not by id.
  const names = new Map(pack.skills.map((s) => [s.id, s.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const steps: PlanStep[] = gap.map((g) => ({
    skill: g.skill.id,
    name: g.skill.name,
    hours: g.hours,
    ...place(g.hours),
    milestone: g.milestone,
    reason:
      (g.reason === "prerequisite"
        ? `prerequisite of ${g.neededFor.map(nameOf).join(", ")}`
        : `${g.reason} by the role`) +
      (g.alternative
        ? g.alternativeEarlier
          ? `; shorter, after ${g.alternative.name} earlier in the plan, a close alternative`
          : `; shorter, as you know ${g.alternative.name}, a close alternative`
        : ""),
    ...(g.alternative && !g.alternativeEarlier
      ? { alternative: { skill: g.alternative.id, name: g.alternative.name } }
      : {}),
    resources: resourcesFor(g.skill.id, g.hours),
  }));

  // Projects that prove the most skills the person has or learns by then first, and among those the
  // ones that need fewest skills nothing taught; two or three of them.
  const learnt = new Set(steps.map((s) => s.skill));
  // An everyday soft skill of years at work is to be named, not learnt: "Communication (new here)" was untrue.
  const isNew = (id: string) => !learnt.has(id) && !known.has(id) && !exercisedAtWork(profile, id);
  const count = (ids: string[], which: (id: string) => boolean) => ids.filter(which).length;
  const chosen = pack.projects
    .filter((p) => p.role === role.id)
    .sort(
      (a, b) =>
        count(b.skills, (id) => !isNew(id)) - count(a.skills, (id) => !isNew(id)) ||
        count(a.skills, isNew) - count(b.skills, isNew),
    )
    .slice(0, steps.length > 12 ? 3 : 2);
  const projects: PlanProject[] = chosen.map((p) => ({
    id: p.id,
    title: p.title,
    description: p.description,
    skills: p.skills.map((id) => ({ skill: id, name: nameOf(id), new: isNew(id) })),
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
    later: later.map((l) => ({
      skill: l.skill.id,
      name: l.skill.name,
      hours: l.skill.hours,
      needsFirst: l.needsFirst.map((p) => ({ skill: p.id, name: p.name, hours: p.hours })),
      needsFirstHours: l.needsFirstHours,
    })),
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
        `Search for these titles: ${role.titles.slice(0, 5).join("; ")}.`,
        "Publish the portfolio projects with a README each, and link them from your resume and profile.",
        ...(toShow.length
          ? [
              toShow.length === 1
                ? `Name ${toShow[0]?.name} on your resume, with a line of your work that shows it: the role asks for it, and your resume does not name it.`
                : `Name ${LIST.format(toShow.map((s) => s.name))} on your resume, each with a line of your work that shows it: the role asks for them, and your resume does not name them.`,
            ]
          : []),
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
