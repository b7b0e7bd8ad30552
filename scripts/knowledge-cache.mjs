// Writes dist/knowledge/pack-cache.json: the bundled knowledge pack as the compiled loader reads
// and checks it, with the hash of its YAML files. Every command loads the pack; the cache makes
// that ~15 ms of JSON instead of ~1.7 s of YAML parsing and validation, and is passed over
// whenever the YAML differs. Run by `npm run build:server`, after tsc.
import { writeKnowledgeCache } from "../dist/knowledge/load.js";

writeKnowledgeCache();
