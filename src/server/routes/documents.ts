import { join } from "node:path";
import { createRoute, z } from "@hono/zod-openapi";
import { Profile } from "../../documents/profile.js";
import type { createResumeFileReader } from "../../documents/read-resume.js";
import type { createResumeThread } from "../../documents/resume-thread.js";
import { AppError } from "../../errors.js";
import { type createExtractor, ExtractResult } from "../../extract/index.js";
import { createRouter, ErrorBody, errors, nonBlankText } from "../router.js";
import { listSamples, SampleSummary } from "../samples.js";

export interface DocumentDeps {
  extract: ReturnType<typeof createExtractor>;
  /** The bundled samples, read on the server's thread: they are known files. */
  resumes: ReturnType<typeof createResumeFileReader>;
  /** Uploads, read on a thread of their own with a deadline: they may be built to stall a reader. */
  uploads: Pick<ReturnType<typeof createResumeThread>, "fromBytes">;
  today: () => string;
  samplesDir: string;
}

/** Text in, structure out: postings, uploaded resumes and the bundled sample resumes. */
export function documentRoutes(deps: DocumentDeps) {
  const month = () => deps.today().slice(0, 7);
  return createRouter()
    .openapi(
      createRoute({
        method: "post",
        path: "/api/extract",
        summary: "Read a job posting into skills, role, seniority, years, degree and salary",
        request: {
          body: {
            content: {
              "application/json": {
                // PostingInput's fields, rebuilt with the OpenAPI-aware z to say what they do: a given
                // title stands in for the first line, which the document had not said.
                schema: z.strictObject({
                  id: z.string().optional().openapi({ description: "answered back as given" }),
                  title: z.string().optional().openapi({
                    description: "the posting's title, read for role and seniority; default: the text's first line",
                  }),
                  text: nonBlankText(500_000),
                }),
              },
            },
            required: true,
          },
        },
        responses: {
          200: { description: "what the posting says", content: { "application/json": { schema: ExtractResult } } },
        },
      }),
      (c) => c.json(deps.extract(c.req.valid("json")), 200),
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/api/resume",
        summary:
          "Read an uploaded resume (PDF, DOCX, text, JSON Resume, LinkedIn export) into a profile; nothing is kept",
        request: {
          body: {
            content: {
              "multipart/form-data": {
                // Optional to the validator, so that a form without it gets the handler's message.
                schema: z.object({ file: z.any().optional().openapi({ type: "string", format: "binary" }) }),
              },
            },
            required: true,
          },
        },
        responses: {
          200: { description: "the profile", content: { "application/json": { schema: Profile } } },
          // The readers refuse a file they cannot read as 415 too, which the body guard's words left out.
          415: {
            description:
              "the body is not multipart/form-data, or the file is of a kind that holds no readable text: an image, an old Word .doc, an encrypted PDF, other binary data",
            content: { "application/json": { schema: ErrorBody } },
          },
        },
      }),
      async (c) => {
        const form = await c.req.parseBody({ all: true }).catch(() => {
          throw new AppError("INVALID_INPUT", "expected a multipart form with a file field");
        });
        // Several files had been answered with the last one's profile, as if it were the only one.
        const files = [form.file].flat().filter((f) => f instanceof File);
        if (files.length > 1)
          throw new AppError("INVALID_INPUT", `${files.length} files in the form field "file"; send one resume`);
        const file = files[0];
        if (!file) throw new AppError("INVALID_INPUT", 'no file in the form field "file"');
        const profile = await deps.uploads.fromBytes(
          new Uint8Array(await file.arrayBuffer()),
          file.name || "upload",
          month(),
        );
        return c.json(profile, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/samples",
        summary: "The bundled sample resumes (fictional personas) to try mlpath without one's own",
        responses: {
          200: { description: "samples", content: { "application/json": { schema: z.array(SampleSummary) } } },
        },
      }),
      (c) => c.json(listSamples(deps.samplesDir), 200),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/samples/{id}",
        summary: "One sample resume read into a profile, exactly as an upload of its PDF would be",
        request: { params: z.object({ id: z.string().max(100) }) },
        responses: {
          200: { description: "the profile", content: { "application/json": { schema: Profile } } },
          ...errors,
        },
      }),
      async (c) => {
        const { id } = c.req.valid("param");
        const samples = listSamples(deps.samplesDir);
        // Only listed ids reach the file system, so the id can never name another path.
        const sample = samples.find((s) => s.id === id);
        if (!sample) {
          throw new AppError("NOT_FOUND", `no sample "${id}"`, {
            hint: samples.length ? `try ${samples.map((s) => s.id).join(", ")}` : "this install has no samples",
          });
        }
        return c.json(await deps.resumes.fromFile(join(deps.samplesDir, sample.file), month()), 200);
      },
    );
}
