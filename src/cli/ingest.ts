import { statSync } from "node:fs";
import type { Command } from "commander";
import { createExtractor } from "../extract/index.js";
import { readPostingFile } from "../sources/files.js";
import { type PreparedPosting, preparePosting } from "../sources/prepare.js";
import { createPostingRepository } from "../store/postings.js";
import { similarity } from "../text/minhash.js";
import type { CliContext } from "./context.js";
import { printJson } from "./format.js";
import { progressBar } from "./progress.js";

const BATCH = 200;
const fileSize = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

export function registerIngest(program: Command, ctx: CliContext): void {
  program
    .command("ingest")
    .description(
      "read postings from CSV, JSON or JSONL files, extract each once and store them (idempotent, resumable)",
    )
    .argument("<paths...>", "posting files (.csv, .tsv, .json, .jsonl)")
    .option("--json", "print the final summary as JSON")
    .action(async (paths: string[], opts: { json?: boolean }) => {
      const extract = createExtractor(ctx.knowledge().pack);
      const db = await ctx.openStore();
      const summary = { read: 0, inserted: 0, duplicates: 0, skipped: 0, errors: 0 };
      const reasons = new Map<string, number>();
      try {
        const repo = createPostingRepository(db, similarity);
        // Progress by bytes: each posting's text stands for its share of the files.
        const total = paths.reduce((sum, p) => sum + fileSize(p), 0);
        const bar = progressBar(total, "postings");
        let bytes = 0;
        let batch: PreparedPosting[] = [];
        const flush = async () => {
          if (!batch.length) return;
          const r = await repo.insertBatch(batch);
          summary.inserted += r.inserted - r.duplicates;
          summary.duplicates += r.duplicates;
          summary.skipped += r.existing;
          batch = [];
        };
        for (const path of paths) {
          for await (const item of readPostingFile(path)) {
            summary.read++;
            if (!item.ok) {
              summary.errors++;
              reasons.set(item.reason, (reasons.get(item.reason) ?? 0) + 1);
              if (summary.errors <= 20) process.stderr.write(`mlpath: ${item.where}: skipped: ${item.reason}\n`);
              continue;
            }
            batch.push(preparePosting(item.record, extract));
            if (batch.length >= BATCH) await flush();
            bytes += item.record.description.length + item.record.title.length;
            bar.update(Math.min(bytes, total), { items: summary.read });
          }
          await flush();
        }
        bar.stop();
      } finally {
        await db.close();
      }
      if (summary.errors > 0) {
        const list = [...reasons].map(([r, n]) => `${n} ${r}`).join("; ");
        process.stderr.write(`mlpath: ${summary.errors} rows skipped: ${list}\n`);
      }
      if (opts.json) return printJson(summary);
      console.log(
        `read ${summary.read}, stored ${summary.inserted} new, ${summary.duplicates} reposts of stored postings, ${summary.skipped} already stored, ${summary.errors} skipped`,
      );
    });
}
