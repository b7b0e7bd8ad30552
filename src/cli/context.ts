import type { Config } from "../config.js";
import { loadKnowledge } from "../knowledge/load.js";
import { indexPack, type PackIndex } from "../knowledge/query.js";
import { type Db, openDb, resolveStoreTarget, type StoreTarget } from "../store/db.js";

/** What every command may need, created lazily so `mlpath roles` never opens a database. */
export interface CliContext {
  config: Config;
  knowledge(): PackIndex;
  openStore(): Promise<Db>;
  /** Which store the flags and environment select, without opening it. */
  storeTarget(): StoreTarget;
  /** Opens the store, runs `fn` with it, and closes it however `fn` ends. */
  withStore<T>(fn: (db: Db) => Promise<T>): Promise<T>;
}

export interface GlobalOptions {
  db?: string;
  knowledge?: string;
}

export function createContext(config: Config, globals: () => GlobalOptions): CliContext {
  let index: PackIndex | undefined;
  const storeTarget = () => resolveStoreTarget({ db: globals().db }, config);
  const openStore = () => openDb(storeTarget());
  return {
    config,
    knowledge() {
      index ??= indexPack(loadKnowledge(globals().knowledge ?? config.MLPATH_KNOWLEDGE));
      return index;
    },
    openStore,
    storeTarget,
    async withStore(fn) {
      const db = await openStore();
      try {
        return await fn(db);
      } finally {
        await db.close();
      }
    },
  };
}
