const US_STATES = new Set(
  "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC".split(
    " ",
  ),
);
const COUNTRIES: [RegExp, string][] = [
  [/\b(united states|usa|u\.s\.a?\.?)\b/i, "US"],
  [/\b(united kingdom|uk|england|scotland|wales|london)\b/i, "GB"],
  [/\b(canada|toronto|vancouver|montreal)\b/i, "CA"],
  [/\b(germany|deutschland|berlin|munich|münchen)\b/i, "DE"],
  [/\b(france|paris)\b/i, "FR"],
  [/\b(india|bangalore|bengaluru|hyderabad|pune|mumbai|delhi|chennai)\b/i, "IN"],
  [/\b(netherlands|amsterdam)\b/i, "NL"],
  [/\b(spain|madrid|barcelona)\b/i, "ES"],
  [/\b(australia|sydney|melbourne)\b/i, "AU"],
  [/\b(ireland|dublin)\b/i, "IE"],
  [/\b(singapore)\b/i, "SG"],
  [/\b(switzerland|zurich|zürich|geneva)\b/i, "CH"],
  [/\b(poland|warsaw|kraków|krakow)\b/i, "PL"],
];

/** Country code and remote flag from a free-text location ("Austin, TX", "Remote - UK", "Berlin"). */
export function readLocation(
  location: string | undefined,
  title: string,
  description: string,
): { country: string | null; remote: boolean | null } {
  const text = location ?? "";
  const remote =
    /\bremote\b/i.test(text) ||
    /\bremote\b/i.test(title) ||
    /\b(fully remote|100% remote|remote-first|work from anywhere)\b/i.test(description.slice(0, 3000));
  const state = text.match(/,\s*([A-Z]{2})\b/)?.[1];
  const country = state && US_STATES.has(state) ? "US" : (COUNTRIES.find(([re]) => re.test(text))?.[1] ?? null);
  return { country, remote: remote ? true : location ? false : null };
}

const REGION_NAMES = new Intl.DisplayNames(["en"], { type: "region" });
/**
 * Region codes Intl names that are not ISO 3166-1 countries: groups (EU, EZ, UN, QO), codes kept
 * for other uses (AC, CP, CQ, DG, EA, IC, TA), test locales (XA, XB) and withdrawn codes (SU, YU,
 * DD, ... which Intl names after today's country, so a search under them would find nothing).
 * XK (Kosovo) is not ISO's either, but it is the code everyone uses, so it stays.
 */
const NOT_COUNTRIES = new Set(
  "EU EZ UN QO AC CP CQ DG EA IC TA XA XB AN BU CS DD DY FX HV NH RH SU TP VD YD YU ZR".split(" "),
);

/**
 * The ISO 3166 code of a country as a user types it, in any case, or undefined for a code that names
 * no country ("ZZ", "XX"). "UK" is the name most people use for GB, the code postings are stored under.
 */
export function countryCode(input: string): string | undefined {
  const code = input.trim().toUpperCase();
  if (code === "UK") return "GB";
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return undefined;
  const name = REGION_NAMES.of(code);
  return name && name !== code && name !== "Unknown Region" ? code : undefined;
}
