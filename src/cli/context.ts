import type { Config } from "../config.js";
import { loadKnowledge } from "../knowledge/load.js";
import { indexPack, type PackIndex } from "../knowledge/query.js";
import { type Db, openDb, resolveStoreTarget } from "../store/db.js";

/** What every command may need, created lazily so `mlpath roles` never opens a database. */
export interface CliContext {
  knowledge(): PackIndex;
  openStore(): Promise<Db>;
}

export interface GlobalOptions {
  db?: string;
  knowledge?: string;
}

export function createContext(config: Config, globals: () => GlobalOptions): CliContext {
  let index: PackIndex | undefined;
  return {
    knowledge() {
      index ??= indexPack(loadKnowledge(globals().knowledge ?? config.MLPATH_KNOWLEDGE));
      return index;
    },
    openStore: () => openDb(resolveStoreTarget({ db: globals().db }, config)),
  };
}
