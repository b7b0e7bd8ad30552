import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium: playwright-core drives it, so nothing downloads a browser. */
export const CHROMIUM = "/usr/bin/chromium";

/**
 * Headless Chromium with the flags it needs to run as root in CI; launch() gives every run a
 * fresh, temporary profile (user data dir) of its own.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}
