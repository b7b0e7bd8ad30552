import { parse } from "csv-parse/sync";
import { AppError } from "../errors.js";
import { toMonth } from "./dates.js";
import type { JsonResume } from "./jsonresume.js";
import { listZip, readZipEntry } from "./zip.js";

/** mlpath reads Profile, Positions, Skills, Education, Certifications and Email Addresses; the rest is ignored. */
const MAX_FILE = 5 * 1024 * 1024;

/** True when a zip's entries look like a LinkedIn data export rather than a Word file. */
export const isLinkedInExport = (names: string[]) =>
  names.some((n) => n.endsWith("Positions.csv")) && names.some((n) => n.endsWith("Profile.csv"));

type Row = Record<string, string>;
const month = (text: string | undefined) => (text ? toMonth(text, false) : undefined);

/**
 * A LinkedIn data export (the ZIP from Settings > Data privacy > Get a copy of your data) as a
 * JSON Resume, so it is read like every other format. LinkedIn exports CSVs with a header row;
 * dates look like "Jan 2020".
 */
export function linkedInToJsonResume(bytes: Uint8Array, where: string): JsonResume {
  const entries = listZip(bytes) ?? [];
  const csv = (file: string): Row[] => {
    const entry = entries.find((e) => e.name === file || e.name.endsWith(`/${file}`));
    if (!entry) return [];
    const data = readZipEntry(bytes, entry, MAX_FILE);
    if (!data) throw new AppError("INVALID_INPUT", `${where}: ${file} in the LinkedIn export could not be read`);
    try {
      return parse(data, {
        columns: true,
        bom: true,
        relax_quotes: true,
        relax_column_count: true,
        skip_empty_lines: true,
      }) as Row[];
    } catch (e) {
      throw new AppError(
        "INVALID_INPUT",
        `${where}: ${file} in the LinkedIn export is not valid CSV (${(e as Error).message})`,
      );
    }
  };
  const profile = csv("Profile.csv")[0] ?? {};
  const email =
    csv("Email Addresses.csv").find((e) => e.Primary === "Yes")?.["Email Address"] ??
    csv("Email Addresses.csv")[0]?.["Email Address"];
  const name = [profile["First Name"], profile["Last Name"]].filter(Boolean).join(" ");
  return {
    basics: {
      ...(name ? { name } : {}),
      ...(profile.Headline ? { label: profile.Headline } : {}),
      ...(email ? { email } : {}),
      ...(profile.Summary ? { summary: profile.Summary } : {}),
    },
    work: csv("Positions.csv").map((p) => ({
      ...(p["Company Name"] ? { name: p["Company Name"] } : {}),
      ...(p.Title ? { position: p.Title } : {}),
      ...(p.Description ? { summary: p.Description } : {}),
      ...(month(p["Started On"]) ? { startDate: month(p["Started On"]) } : {}),
      ...(month(p["Finished On"]) ? { endDate: month(p["Finished On"]) } : {}),
    })),
    education: csv("Education.csv").map((e) => ({
      ...(e["School Name"] ? { institution: e["School Name"] } : {}),
      ...(e["Degree Name"] ? { studyType: e["Degree Name"] } : {}),
      ...(month(e["Start Date"]) ? { startDate: month(e["Start Date"]) } : {}),
      ...(month(e["End Date"]) ? { endDate: month(e["End Date"]) } : {}),
    })),
    skills: [
      {
        name: "Skills",
        keywords: csv("Skills.csv")
          .map((s) => s.Name ?? "")
          .filter(Boolean),
      },
    ],
    certificates: csv("Certifications.csv").map((c) => ({
      ...(c.Name ? { name: c.Name } : {}),
      ...(c.Authority ? { issuer: c.Authority } : {}),
      ...(c["Started On"] ? { date: month(c["Started On"]) ?? c["Started On"] } : {}),
    })),
  };
}
