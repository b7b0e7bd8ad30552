import { type FormEvent, useEffect, useRef, useState } from "react";
import { onTokenNeeded } from "./api.js";

interface Pending {
  refused: boolean;
  resolve: (token: string | null) => void;
}

/**
 * A server started with MLPATH_TOKEN answers 401 until the token is sent; this form asks for it
 * when that happens, and the API client keeps it in sessionStorage for the rest of the session.
 */
export function TokenDialog() {
  const [pending, setPending] = useState<Pending | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    onTokenNeeded((refused) => new Promise((resolve) => setPending({ refused, resolve })));
  }, []);
  useEffect(() => {
    // A modal <dialog>: the page behind is inert, so Tab stays in the form (it had walked out to
    // the page), and Escape is its cancel event.
    if (pending && !dialog.current?.open) dialog.current?.showModal();
    if (pending) input.current?.focus();
  }, [pending]);
  if (!pending) return null;

  const answer = (token: string | null) => {
    pending.resolve(token);
    setPending(null);
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const token = String(new FormData(e.currentTarget).get("token") ?? "").trim();
    answer(token || null);
  };
  return (
    <dialog
      ref={dialog}
      className="overlay"
      aria-labelledby="token-title"
      // Escape: a keyboard user's way out, as Cancel is a click's.
      onCancel={(e) => {
        e.preventDefault();
        answer(null);
      }}
    >
      <form className="dialog card" onSubmit={submit} aria-labelledby="token-title">
        <h2 id="token-title">This server needs a token</h2>
        <p>
          {pending.refused
            ? "The server refused that token. Check it and try again."
            : "It was started with MLPATH_TOKEN. Enter the same token; it is kept in this tab only."}
        </p>
        <label>
          Token
          <input ref={input} name="token" type="password" autoComplete="off" required minLength={1} />
        </label>
        <div className="actions">
          <button type="submit" className="primary">
            Continue
          </button>
          <button type="button" onClick={() => answer(null)}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
