import { type MouseEvent, type ReactNode, useEffect, useRef, useSyncExternalStore } from "react";

/**
 * A few pages need no routing library: the path lives in the address bar (so a reload or a shared
 * link lands on the same page; the server answers index.html for it) and pushState moves it.
 */
const CHANGE = "mlpath:navigate";

const subscribe = (notify: () => void) => {
  window.addEventListener("popstate", notify);
  window.addEventListener(CHANGE, notify);
  return () => {
    window.removeEventListener("popstate", notify);
    window.removeEventListener(CHANGE, notify);
  };
};
const snapshot = () => window.location.pathname + window.location.search;

// Set when the page changes in the app; the new page's heading reads it (takeArrival).
let arrived = false;
window.addEventListener("popstate", () => {
  arrived = true;
});

/** Whether a page change is still to be arrived at; asking ends it, so only the first heading shown answers yes. */
export function takeArrival(): boolean {
  const was = arrived;
  arrived = false;
  return was;
}

/**
 * Called by the page shown. A navigation that keeps it mounted (the menu's Plan link on /plan?role=x)
 * mounts no heading to take the arrival, which had then stayed set for whatever heading showed next,
 * to take focus long after. A page mounted anew leaves it to its heading, which may show only once loaded.
 */
export function useArrivalSettled(): void {
  const href = useSyncExternalStore(subscribe, snapshot);
  const shown = useRef(href);
  useEffect(() => {
    if (shown.current === href) return;
    shown.current = href;
    arrived = false;
  }, [href]);
}

export function useLocation(): { path: string; query: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { path: url.pathname, query: url.searchParams };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  if (!options.replace) arrived = true;
  window.dispatchEvent(new Event(CHANGE));
  if (!options.replace) window.scrollTo(0, 0);
}

export function Link(props: { to: string; className?: string; children: ReactNode; "aria-current"?: "page" }) {
  const { to, children, ...rest } = props;
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    // Let the browser open new tabs and windows as usual.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
