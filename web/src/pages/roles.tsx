import { call, client } from "../api.js";
import { titleList } from "../format.js";
import { Link } from "../router.js";
import { ErrorNote, Loading, PageHeader } from "../ui.js";
import { useApi } from "../use-api.js";

export function RolesPage() {
  const roles = useApi("roles", () => call(client.api.roles.$get()));
  return (
    <>
      <PageHeader title="The role atlas">
        The machine learning roles mlpath knows: what each does, the skills it asks for, how people get there, and what
        it pays, each figure with its source.
      </PageHeader>
      <ErrorNote error={roles.error} title="Could not load the roles" />
      {roles.loading && !roles.data ? <Loading /> : null}
      <div className="card-grid">
        {roles.data?.map((r) => (
          <Link key={r.id} to={`/roles/${r.id}`} className="card role-card">
            <h2>{r.name}</h2>
            <p>{r.summary}</p>
            <p className="muted small">Also called: {titleList(r.titles.slice(0, 4))}</p>
          </Link>
        ))}
      </div>
    </>
  );
}
