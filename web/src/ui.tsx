import { type ReactNode, useEffect, useRef } from "react";
import { ApiError, enterToken, needsToken, type RoleSummary } from "./api.js";
import { Link, takeArrival } from "./router.js";

/** Every failure reaches the page: the API's code and message, or what went wrong on the way. */
export function ErrorNote({ error, title = "Something went wrong" }: { error: Error | undefined; title?: string }) {
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : null;
  return (
    <div className="note note-error" role="alert">
      <strong>{title}</strong>
      <p>
        {error.message}
        {code ? <span className="code"> ({code})</span> : null}
      </p>
      {needsToken(error) ? (
        <button type="button" onClick={() => void enterToken()}>
          Enter the token
        </button>
      ) : null}
    </div>
  );
}

/**
 * A ref whose element takes focus each time `value` changes to something set: the answer to what the
 * person asked for, whose button is disabled while it waits, so focus had fallen to the top of the page.
 */
export function useFocusOn<T extends HTMLElement>(value: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (value) ref.current?.focus();
  }, [value]);
  return ref;
}

/** An ErrorNote that takes focus when it shows, for a failure of something the person asked for. */
export function FocusedErrorNote({ error, title }: { error: Error | undefined; title: string }) {
  const note = useFocusOn<HTMLDivElement>(error);
  return error ? (
    <div ref={note} tabIndex={-1}>
      <ErrorNote error={error} title={title} />
    </div>
  ) : null;
}

export function Loading({ label = "Loading" }: { label?: string }) {
  return (
    <p className="loading" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}...
    </p>
  );
}

/** A 0-100 score as a bar; the width is set through the style object (CSSOM), which the CSP allows. */
export function ScoreBar({ value, label }: { value: number; label: string }) {
  const pct = Math.max(0, Math.min(100, value));
  const tone = pct >= 70 ? "good" : pct >= 45 ? "fair" : "low";
  return (
    <div className="score" title={`${label}: ${Math.round(pct)} of 100`}>
      <div className="score-track" aria-hidden="true">
        <div className={`score-fill score-${tone}`} style={{ width: `${pct}%` }} />
      </div>
      <span className="score-value">
        <span className="sr-only">{label}: </span>
        {Math.round(pct)}
      </span>
    </div>
  );
}

export function Chip({
  children,
  tone = "plain",
  title,
}: {
  children: ReactNode;
  tone?: "plain" | "met" | "partly" | "missing" | "accent";
  title?: string;
}) {
  return (
    <span className={`chip chip-${tone}`} title={title}>
      {children}
    </span>
  );
}

/**
 * The browser tab's title for the page shown: every page had been titled "mlpath", so tabs, history
 * and a screen reader arriving on a page could not tell one from another.
 */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · mlpath`;
  }, [title]);
}

/**
 * A page's h1, focused on arriving from a link inside the old page: that link went away with the page,
 * and focus with it, to the top of the document. Focus kept (on the menu's link) stays where it is.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (takeArrival() && (!active || active === document.body)) heading.current?.focus();
  }, []);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}

export function NeedProfile({ what }: { what: string }) {
  usePageTitle(what);
  return (
    <div className="card empty">
      {/* The page's only heading: it had been an h2 with no h1 above it. */}
      <PageHeading>First, a resume</PageHeading>
      <p>
        {what} needs to know your skills. Upload or paste a resume, or pick a sample person, on the{" "}
        <Link to="/">Start page</Link>. Nothing is stored on the server unless you save it there.
      </p>
    </div>
  );
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  usePageTitle(title);
  return (
    <header className="page-header">
      <PageHeading>{title}</PageHeading>
      {children ? <div className="lead">{children}</div> : null}
    </header>
  );
}

/** `blank` labels an empty first choice, for filters where "no role" means all of them; leave it out where a role is required. */
export function RoleSelect({
  roles,
  value,
  onChange,
  blank,
}: {
  roles: RoleSummary[] | undefined;
  value: string;
  onChange: (id: string) => void;
  blank?: string;
}) {
  return (
    <label>
      Role
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {blank === undefined ? null : <option value="">{blank}</option>}
        {roles?.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
    </label>
  );
}
