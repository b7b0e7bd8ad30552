/** The Jobs page's filters, as typed into its form. */
export interface Filters {
  role: string;
  remote: boolean;
  country: string;
  minSalary: string;
  query: string;
}

/**
 * Whether any filter narrows the search. With none, every stored posting is ranked, so an empty
 * answer means the store holds none: the page had asked to loosen filters that were not set.
 */
export const filtered = (f: Filters): boolean =>
  Boolean(f.role || f.remote || f.country.trim() || f.minSalary || f.query.trim());
