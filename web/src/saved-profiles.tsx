import { type FormEvent, useEffect, useRef, useState } from "react";
import { call, client, type SavedProfile } from "./api.js";
import { plural } from "./format.js";
import { useProfile } from "./profile.js";
import { ErrorNote, Loading } from "./ui.js";
import { useApi } from "./use-api.js";

/**
 * The name a saved profile gets unless the person types another: the person's name when the
 * resume gives one (a file name such as "cv-final.pdf" or "pasted text" told saved profiles
 * apart poorly), else the file's or the sample's name.
 */
const defaultName = (person: string | null, origin: string | null) =>
  person?.trim() || (origin ?? "").replace(/^(sample|saved): /, "").trim() || "my profile";

const savedAt = (iso: string) => new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });

function SaveForm({
  initial,
  disabled,
  onSave,
}: {
  initial: string;
  disabled: boolean;
  onSave: (name: string) => void;
}) {
  const [name, setName] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) onSave(name.trim());
  };
  return (
    <form className="toolbar inline" onSubmit={submit}>
      <label>
        Name for the saved profile
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required />
      </label>
      <button type="submit" className="primary" disabled={disabled || !name.trim()}>
        Save in this server's store
      </button>
    </form>
  );
}

function ConfirmDelete({ saved, onYes, onNo }: { saved: SavedProfile; onYes: () => void; onNo: () => void }) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of two buttons, not a set of form fields
    <span role="group" aria-label={`Confirm deleting ${saved.name}`} className="actions">
      <span>Delete it from this server's store for good?</span>
      <button type="button" className="danger" onClick={onYes}>
        Yes, delete
      </button>
      <button type="button" ref={keep} onClick={onNo}>
        Keep it
      </button>
    </span>
  );
}

/**
 * Profiles kept in the server's store: the only personal data it keeps, and only when the person
 * saves. Loading one makes it the current profile, as if its resume had just been read.
 */
export function SavedProfiles({ busy, onLoad }: { busy: boolean; onLoad: (saved: SavedProfile) => void }) {
  const { profile, origin } = useProfile();
  const [version, setVersion] = useState(0);
  const list = useApi(`profiles:${version}`, () => call(client.api.profiles.$get()));
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<{ title: string; error: Error } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState("");

  const act = async (title: string, run: () => Promise<string>) => {
    setWorking(true);
    setFailure(null);
    try {
      setStatus(await run());
      setVersion((v) => v + 1);
    } catch (e) {
      setFailure({ title, error: e as Error });
    } finally {
      setWorking(false);
    }
  };
  const save = (name: string) =>
    act("Could not save the profile", async () => {
      if (!profile) throw new Error("there is no profile to save");
      const saved = await call(client.api.profiles.$post({ json: { profile, name } }));
      return `Saved "${saved.name}" with ${plural(saved.skills, "skill")}.`;
    });
  const remove = (saved: SavedProfile) =>
    act("Could not delete the profile", async () => {
      setConfirming(null);
      await call(client.api.profiles[":id"].$delete({ param: { id: saved.id } }));
      return `Deleted "${saved.name}" from this server's store.`;
    });

  return (
    <section className="card" aria-labelledby="saved-title">
      <h2 id="saved-title">Saved in this server's store</h2>
      <p className="muted">
        A resume you read here stays in this tab only. Saving keeps the profile (its skills, experience, education and
        contact details) in this server's store until you delete it, and anyone who can use this server can load or
        delete it.
      </p>
      {profile ? (
        <SaveForm
          key={origin}
          initial={defaultName(profile.contact.name, origin)}
          disabled={working || busy}
          onSave={save}
        />
      ) : null}
      <p className="small saved-status" aria-live="polite">
        {status}
      </p>
      {failure ? <ErrorNote error={failure.error} title={failure.title} /> : null}
      <ErrorNote error={list.error} title="Could not list the saved profiles" />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && list.data.length === 0 ? <p className="muted">No profiles are saved on this server.</p> : null}
      {list.data?.length ? (
        <ul className="saved-list" aria-label="Saved profiles">
          {list.data.map((s) => (
            <li key={s.id}>
              <span className="saved-name">
                <strong>{s.name}</strong>
                <span className="muted small">
                  {" "}
                  · {plural(s.skills, "skill")} · saved {savedAt(s.createdAt)}
                </span>
              </span>
              {confirming === s.id ? (
                <ConfirmDelete saved={s} onYes={() => void remove(s)} onNo={() => setConfirming(null)} />
              ) : (
                <>
                  <button type="button" onClick={() => onLoad(s)} disabled={busy || working}>
                    Load<span className="sr-only"> {s.name}</span>
                  </button>
                  <button type="button" onClick={() => setConfirming(s.id)} disabled={busy || working}>
                    Delete<span className="sr-only"> {s.name}</span>
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
