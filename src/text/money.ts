/**
 * Money as people read it, "$140,000 / year": one form for the CLI and the plan's documents (the
 * CLI had printed "USD 140,000/year" beside the plan's "$140,000 / year"). An unknown currency
 * code still shows its amount.
 */
export function money(amount: number, currency: string, period?: string): string {
  let text: string;
  try {
    text = new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    text = `${Math.round(amount).toLocaleString("en-US")} ${currency}`;
  }
  return period ? `${text} / ${period}` : text;
}

/** A stated pay range, "$120,000 - $150,000 / year"; a single figure once, "$45 / hour". */
export const payRange = (pay: { min: number; max: number; currency: string; period: string }): string =>
  pay.min === pay.max
    ? money(pay.min, pay.currency, pay.period)
    : `${money(pay.min, pay.currency)} - ${money(pay.max, pay.currency, pay.period)}`;
