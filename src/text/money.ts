/**
 * Money as people read it, "$140,000 / year"; an unknown currency code still shows its amount.
 * One writer for the documents a plan exports and for the web UI, so a figure reads the same in
 * both. (The CLI's tables keep their own compact "USD 140,000/year".)
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
