import { useEffect, useRef, useState } from "react";
import { needsToken, onTokenEntered } from "./api.js";

export interface ApiState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
}

/**
 * Loads whenever `key` changes (null: load nothing), and again on `retry`. The previous data stays
 * while the next loads, so a slider that re-plans does not blank the page; an answer for an old key is dropped.
 */
export function useApi<T>(key: string | null, load: () => Promise<T>): ApiState<T> & { retry: () => void } {
  const [state, setState] = useState<ApiState<T>>({ data: undefined, error: undefined, loading: key !== null });
  const latest = useRef(load);
  latest.current = load;
  // A load the server refused for want of its token runs again once the token is entered.
  const [attempt, setAttempt] = useState(0);
  const refused = needsToken(state.error);
  useEffect(() => (refused ? onTokenEntered(() => setAttempt((a) => a + 1)) : undefined), [refused]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is a reason to load again, not an input
  useEffect(() => {
    if (key === null) {
      setState({ data: undefined, error: undefined, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ data: s.data, error: undefined, loading: true }));
    latest.current().then(
      (data) => {
        if (live) setState({ data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (live)
          setState({
            data: undefined,
            error: error instanceof Error ? error : new Error(String(error)),
            loading: false,
          });
      },
    );
    return () => {
      live = false;
    };
  }, [key, attempt]);
  return { ...state, retry: () => setAttempt((a) => a + 1) };
}
