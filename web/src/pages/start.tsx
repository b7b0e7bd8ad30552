import { type ChangeEvent, type DragEvent, type FormEvent, useRef, useState } from "react";
import { call, client, type Profile, type Sample, type SavedProfile } from "../api.js";
import { useProfile } from "../profile.js";
import { ProfileView } from "../profile-view.js";
import { Link } from "../router.js";
import { SavedProfiles } from "../saved-profiles.js";
import { ErrorNote, FocusedErrorNote, Loading, PageHeader, useFocusOn } from "../ui.js";
import { useApi } from "../use-api.js";

const ACCEPT = ".pdf,.docx,.txt,.md,.json,.zip,application/pdf";

export function StartPage() {
  const { profile, origin, setProfile } = useProfile();
  const samples = useApi("samples", () => call(client.api.samples.$get()));
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<Error | undefined>();
  const [pasted, setPasted] = useState("");
  const [dragging, setDragging] = useState(false);
  // After a read, focus goes to what was read: the button pressed is disabled while reading, and
  // focus had fallen to the top of the page, a long way back for the keyboard.
  const [reads, setReads] = useState(0);
  const readNote = useFocusOn<HTMLDivElement>(reads);
  const fileInput = useRef<HTMLInputElement>(null);

  const read = async (label: string, load: () => Promise<Profile>) => {
    setBusy(label);
    setError(undefined);
    try {
      setProfile(await load(), label);
      setReads((n) => n + 1);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(null);
    }
  };
  const upload = (file: File) => read(file.name, () => call(client.api.resume.$post({ form: { file } })));
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    if (file) void upload(file);
    e.currentTarget.value = "";
  };
  const onDrop = (e: DragEvent<HTMLLabelElement>) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void upload(file);
  };
  const onPaste = (e: FormEvent) => {
    e.preventDefault();
    // Named for what it is in errors and on the page: the server reads text by its bytes, not its name.
    if (pasted.trim()) void upload(new File([pasted], "pasted text", { type: "text/plain" }));
  };
  const pick = (s: Sample) =>
    read(`sample: ${s.name}`, () => call(client.api.samples[":id"].$get({ param: { id: s.id } })));
  const load = (s: SavedProfile) =>
    read(`saved: ${s.name}`, () => call(client.api.profiles[":id"].$get({ param: { id: s.id } })));

  return (
    <>
      <PageHeader title="Your path into machine learning">
        Start from a resume. mlpath reads the skills it proves, then ranks the 17 ML roles for you with the evidence,
        plans the gap week by week, and finds postings that fit. The resume stays in this tab unless you save it.
      </PageHeader>

      <section className="grid-3 start-inputs">
        <div className="card">
          <h2>Upload a resume</h2>
          <p className="muted">PDF (one or two columns), DOCX, text, Markdown, JSON Resume or a LinkedIn export.</p>
          <label
            className={`file-drop${dragging ? " dragging" : ""}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <input ref={fileInput} type="file" accept={ACCEPT} onChange={onFile} aria-label="Resume file" />
            <span className="file-drop-action">Choose a file</span>
            <span className="muted small">or drop it here</span>
          </label>
        </div>
        <form className="card" onSubmit={onPaste}>
          <h2>Paste it</h2>
          <label className="sr-only" htmlFor="paste">
            Resume text
          </label>
          <textarea
            id="paste"
            rows={5}
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            placeholder="Paste the text of your resume"
          />
          <button type="submit" disabled={!pasted.trim() || busy !== null}>
            Read pasted text
          </button>
        </form>
        <div className="card">
          <h2>Or try a sample</h2>
          <p className="muted">Four fictional people, from career changer to senior.</p>
          <ErrorNote error={samples.error} title="Could not list the samples" />
          {samples.loading && !samples.data ? <Loading /> : null}
          {samples.data && samples.data.length === 0 ? <p className="muted">This install has no samples.</p> : null}
          <ul className="sample-list">
            {samples.data?.map((s) => (
              <li key={s.id}>
                <button type="button" className="link-button" onClick={() => void pick(s)} disabled={busy !== null}>
                  <strong>{s.name}</strong>
                  {s.label ? <span className="muted"> · {s.label}</span> : null}
                </button>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <SavedProfiles busy={busy !== null} onLoad={(s) => void load(s)} />

      {busy ? <Loading label={`Reading ${busy}`} /> : null}
      <FocusedErrorNote error={error} title="Could not read the resume" />

      {profile ? (
        <>
          <div className="next-steps card" ref={readNote} tabIndex={-1}>
            <span>
              Read from <strong>{origin}</strong>. Correct the skills below, then:
            </span>
            <Link to="/fit" className="button primary">
              See how you fit the roles
            </Link>
            <Link to="/jobs" className="button">
              Find postings
            </Link>
            <button
              type="button"
              onClick={() => {
                setProfile(null);
                // The button goes with the profile; focus had fallen to the top of the page.
                fileInput.current?.focus();
              }}
            >
              Forget this profile
            </button>
          </div>
          <ProfileView profile={profile} onChange={(p) => setProfile(p)} />
        </>
      ) : null}
    </>
  );
}
