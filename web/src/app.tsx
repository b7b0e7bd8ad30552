import { lazy, Suspense, useEffect, useRef } from "react";
import { AnalyzePage } from "./pages/analyze.js";
import { FitPage } from "./pages/fit.js";
import { JobsPage } from "./pages/jobs.js";
import { PlanPage } from "./pages/plan.js";
import { RolePage } from "./pages/role.js";
import { RolesPage } from "./pages/roles.js";
import { StartPage } from "./pages/start.js";
import { ProfileProvider, useProfile } from "./profile.js";
import { Link, useArrivalSettled, useLocation } from "./router.js";
import { TokenDialog } from "./token-dialog.js";
import { Loading, PageHeading, usePageTitle } from "./ui.js";

// The charts (ECharts) are most of the bundle; only the Market page needs them.
const MarketPage = lazy(() => import("./pages/market.js").then((m) => ({ default: m.MarketPage })));

const NAV = [
  { to: "/", label: "Start" },
  { to: "/roles", label: "Roles" },
  { to: "/fit", label: "Fit" },
  { to: "/plan", label: "Plan" },
  { to: "/jobs", label: "Jobs" },
  { to: "/market", label: "Market" },
  { to: "/analyze", label: "JD analyzer" },
];

const ROLE_PATH = /^\/roles\/([^/]+)$/;
/** Which page a path shows: keyed by it, a page mounts anew exactly when this changes (useArrivalSettled). */
const pageOf = (path: string) => (ROLE_PATH.test(path) ? "/roles/:id" : path);

function Page({ path }: { path: string }) {
  useArrivalSettled();
  const role = path.match(ROLE_PATH);
  if (role?.[1]) return <RolePage id={decodeURIComponent(role[1])} />;
  switch (path) {
    case "/":
      return <StartPage />;
    case "/roles":
      return <RolesPage />;
    case "/fit":
      return <FitPage />;
    case "/plan":
      return <PlanPage />;
    case "/jobs":
      return <JobsPage />;
    case "/market":
      return (
        <Suspense fallback={<Loading label="Loading charts" />}>
          <MarketPage />
        </Suspense>
      );
    case "/analyze":
      return <AnalyzePage />;
    default:
      return <NotFound path={path} />;
  }
}

function NotFound({ path }: { path: string }) {
  usePageTitle("Not found");
  return (
    <div className="card empty">
      <PageHeading>Not found</PageHeading>
      <p>
        There is no page at {path}. Go to the <Link to="/">Start page</Link>.
      </p>
    </div>
  );
}

function Nav({ path }: { path: string }) {
  const { profile, origin } = useProfile();
  const current = (to: string) => (to === "/" ? path === "/" : path === to || path.startsWith(`${to}/`));
  // Whatever takes focus scrolls clear of the sticky menu, as tall as it wraps to: Shift+Tab had
  // scrolled links and buttons up under it, out of sight.
  const bar = useRef<HTMLElement>(null);
  useEffect(() => {
    const nav = bar.current;
    if (!nav) return;
    const root = document.documentElement;
    const fit = () => {
      root.style.scrollPaddingTop = getComputedStyle(nav).position === "sticky" ? `${nav.offsetHeight + 8}px` : "";
    };
    const watch = new ResizeObserver(fit);
    watch.observe(nav);
    window.addEventListener("resize", fit);
    return () => {
      watch.disconnect();
      window.removeEventListener("resize", fit);
      root.style.scrollPaddingTop = "";
    };
  }, []);
  return (
    <nav className="nav" aria-label="Main" ref={bar}>
      <div className="nav-inner">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true" />
          mlpath
        </Link>
        <ul>
          {NAV.map((n) => (
            <li key={n.to}>
              <Link
                to={n.to}
                className={current(n.to) ? "active" : ""}
                {...(current(n.to) ? { "aria-current": "page" } : {})}
              >
                {n.label}
              </Link>
            </li>
          ))}
        </ul>
        <div className="nav-profile" title={profile ? `Profile from ${origin}` : "No resume yet"}>
          {profile ? (
            <>
              <span className="dot dot-on" aria-hidden="true" />
              {profile.contact.name ?? origin} · {profile.skills.length} skills
            </>
          ) : (
            <>
              <span className="dot" aria-hidden="true" />
              no resume yet
            </>
          )}
        </div>
      </div>
    </nav>
  );
}

export function App() {
  const { path } = useLocation();
  return (
    <ProfileProvider>
      <Nav path={path} />
      <main className="main">
        <Page key={pageOf(path)} path={path} />
      </main>
      <footer className="footer">
        mlpath answers from a cited knowledge pack and the postings in this server's store. Your resume stays in this
        browser tab unless you save it on the Start page.
      </footer>
      <TokenDialog />
    </ProfileProvider>
  );
}
