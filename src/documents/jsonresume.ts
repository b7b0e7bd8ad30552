import { z } from "zod";

/** The parts of the JSON Resume schema (jsonresume.org) mlpath reads; everything is optional there. */
const Dated = { startDate: z.string().optional(), endDate: z.string().optional() };
export const JsonResume = z.looseObject({
  basics: z
    .looseObject({
      name: z.string().optional(),
      label: z.string().optional(),
      email: z.string().optional(),
      phone: z.string().optional(),
      url: z.string().optional(),
      summary: z.string().optional(),
      profiles: z.array(z.looseObject({ network: z.string().optional(), url: z.string().optional() })).optional(),
    })
    .optional(),
  work: z
    .array(
      z.looseObject({
        name: z.string().optional(),
        company: z.string().optional(),
        position: z.string().optional(),
        summary: z.string().optional(),
        highlights: z.array(z.string()).optional(),
        ...Dated,
      }),
    )
    .optional(),
  education: z
    .array(
      z.looseObject({
        institution: z.string().optional(),
        area: z.string().optional(),
        studyType: z.string().optional(),
        ...Dated,
      }),
    )
    .optional(),
  skills: z.array(z.looseObject({ name: z.string().optional(), keywords: z.array(z.string()).optional() })).optional(),
  certificates: z
    .array(z.looseObject({ name: z.string().optional(), issuer: z.string().optional(), date: z.string().optional() }))
    .optional(),
  projects: z
    .array(
      z.looseObject({
        name: z.string().optional(),
        description: z.string().optional(),
        highlights: z.array(z.string()).optional(),
        keywords: z.array(z.string()).optional(),
      }),
    )
    .optional(),
});
export type JsonResume = z.infer<typeof JsonResume>;

/** A JSON value that is a JSON Resume rather than any other JSON: an object with "basics" or "work". */
export const looksLikeJsonResume = (value: unknown): boolean =>
  typeof value === "object" && value !== null && ("basics" in value || "work" in value);

/** Exporters write null for what is not there ("endDate": null for a current job): it reads as absent. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(withoutNulls);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

/**
 * A path into `withoutNulls(value)` as a path into `value` itself: an array index counts the nulls
 * dropped before it, so an error names the entry as the file numbers it.
 */
export function pathInOriginal(value: unknown, path: readonly PropertyKey[]): PropertyKey[] {
  const out: PropertyKey[] = [];
  let at = value;
  for (const key of path) {
    if (Array.isArray(at) && typeof key === "number") {
      let seen = -1;
      const index = at.findIndex((v) => v !== null && ++seen === key);
      out.push(index < 0 ? key : index);
      at = at[index];
    } else {
      out.push(key);
      at = typeof at === "object" && at !== null ? (at as Record<PropertyKey, unknown>)[key] : undefined;
    }
  }
  return out;
}

/** "2020-13" keeps its year: a month past 12 had become a date no profile can hold. */
const month = (d: string | undefined) => {
  const m = d?.match(/^(\d{4})(?:-(0[1-9]|1[0-2]))?/);
  if (!m) return undefined;
  return `${m[1]}-${m[2] ?? "01"}`;
};
const label = (ym: string) => {
  const [y, m] = ym.split("-");
  return `${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][Number(m) - 1]} ${y}`;
};

/**
 * Dates of a JSON Resume's jobs and studies that cannot be read as written: not a date, or an end
 * before the start. They had been left out without a word, and the years of experience with them.
 */
export function jsonResumeDateWarnings(r: JsonResume): string[] {
  const warnings: string[] = [];
  const check = (kind: string, entries: { startDate?: string; endDate?: string }[] | undefined) =>
    entries?.forEach((e, i) => {
      for (const field of ["startDate", "endDate"] as const) {
        const value = e[field];
        if (value && !month(value))
          warnings.push(`${kind}[${i}].${field} "${value.slice(0, 40)}" is not a date (YYYY-MM-DD): left out`);
      }
      const start = month(e.startDate);
      const end = month(e.endDate);
      if (start && end && end < start) warnings.push(`${kind}[${i}] ends (${end}) before it starts (${start})`);
    });
  check("work", r.work);
  check("education", r.education);
  return warnings;
}

/**
 * Writes a JSON Resume as the plain-text resume it describes, with the usual headings and one
 * dated header line per job, so it is read by the same reader as every other format and gives
 * the same skills and entries.
 */
export function jsonResumeToText(r: JsonResume): string {
  const out: string[] = [];
  const b = r.basics ?? {};
  if (b.name) out.push(b.name);
  if (b.label) out.push(b.label);
  const contact = [b.email, b.phone, b.url, ...(b.profiles ?? []).map((p) => p.url)].filter(Boolean);
  if (contact.length) out.push(contact.join(" | "));
  if (b.summary) out.push("", "SUMMARY", b.summary);
  if (r.work?.length) {
    out.push("", "EXPERIENCE");
    for (const w of r.work) {
      const start = month(w.startDate);
      const end = month(w.endDate);
      out.push("", [w.position, w.name ?? w.company].filter(Boolean).join(", "));
      if (start) out.push(`${label(start)} - ${end ? label(end) : "Present"}`);
      if (w.summary) out.push(w.summary);
      for (const h of w.highlights ?? []) out.push(`- ${h}`);
    }
  }
  if (r.education?.length) {
    out.push("", "EDUCATION");
    for (const e of r.education) {
      const start = month(e.startDate);
      const end = month(e.endDate);
      out.push("", [e.studyType, e.area].filter(Boolean).join(" in "));
      out.push(
        [e.institution, start && end ? `${label(start)} - ${label(end)}` : end ? end.slice(0, 4) : ""]
          .filter(Boolean)
          .join(", "),
      );
    }
  }
  if (r.skills?.length) {
    out.push("", "SKILLS");
    for (const s of r.skills) out.push(`${s.name ? `${s.name}: ` : ""}${(s.keywords ?? []).join(", ")}`);
  }
  if (r.projects?.length) {
    out.push("", "PROJECTS");
    for (const p of r.projects) {
      out.push("", [p.name, p.description].filter(Boolean).join(": "));
      for (const h of p.highlights ?? []) out.push(`- ${h}`);
      if (p.keywords?.length) out.push(`- Tools: ${p.keywords.join(", ")}`);
    }
  }
  if (r.certificates?.length) {
    out.push("", "CERTIFICATIONS");
    for (const c of r.certificates) out.push([c.name, c.issuer, c.date?.slice(0, 4)].filter(Boolean).join(" - "));
  }
  return out.join("\n");
}
