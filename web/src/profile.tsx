import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import type { Profile } from "./api.js";

/**
 * The person's profile lives only in this tab: in memory and in sessionStorage, so a reload keeps
 * it and closing the tab forgets it. The server keeps it only when the person saves it (saved-profiles.tsx).
 */
const KEY = "mlpath.profile";

interface Stored {
  profile: Profile;
  /** Where it came from, for the header: a file name, a sample's name or a saved profile's name. */
  origin: string;
}

interface ProfileContextValue {
  profile: Profile | null;
  origin: string | null;
  setProfile: (profile: Profile | null, origin?: string) => void;
}

const ProfileContext = createContext<ProfileContextValue | null>(null);

function restore(): Stored | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

export function ProfileProvider({ children }: { children: ReactNode }) {
  const [stored, setStored] = useState<Stored | null>(restore);
  const setProfile = useCallback((profile: Profile | null, origin?: string) => {
    setStored((prev) => {
      const next = profile ? { profile, origin: origin ?? prev?.origin ?? "your resume" } : null;
      if (next) sessionStorage.setItem(KEY, JSON.stringify(next));
      else sessionStorage.removeItem(KEY);
      return next;
    });
  }, []);
  const value = useMemo(
    () => ({ profile: stored?.profile ?? null, origin: stored?.origin ?? null, setProfile }),
    [stored, setProfile],
  );
  return <ProfileContext.Provider value={value}>{children}</ProfileContext.Provider>;
}

export function useProfile(): ProfileContextValue {
  const value = useContext(ProfileContext);
  if (!value) throw new Error("useProfile outside ProfileProvider");
  return value;
}

/** Changes when the profile does, so pages ask the API again only then; the text itself is the key. */
export const profileKey = (p: Profile): string => JSON.stringify(p);
