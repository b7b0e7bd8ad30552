import { SingleBar } from "cli-progress";

/** A progress bar on stderr when it is a terminal, and nothing otherwise (pipes, CI, tests). */
export interface Progress {
  update(done: number, payload?: Record<string, unknown>): void;
  stop(): void;
}

export function progressBar(total: number, unit: string): Progress {
  if (!process.stderr.isTTY || total <= 0) return { update() {}, stop() {} };
  const bar = new SingleBar({
    stream: process.stderr,
    format: ` {bar} {percentage}% | {items} ${unit} | {rate}/s | ETA {eta_formatted}`,
    hideCursor: true,
    etaBuffer: 50,
  });
  const started = Date.now();
  bar.start(total, 0, { items: 0, rate: 0 });
  return {
    update(done, payload = {}) {
      const items = Number(payload.items ?? done);
      const seconds = (Date.now() - started) / 1000;
      bar.update(done, { ...payload, items, rate: seconds > 0 ? Math.round(items / seconds) : 0 });
    },
    stop: () => bar.stop(),
  };
}
