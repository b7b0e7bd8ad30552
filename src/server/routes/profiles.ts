import { createRoute, z } from "@hono/zod-openapi";
import { Profile, profileOfPack } from "../../documents/profile.js";
import { AppError } from "../../errors.js";
import type { PackIndex } from "../../knowledge/query.js";
import type { Db } from "../../store/db.js";
import { createProfileRepository, MAX_PROFILE_NAME } from "../../store/profiles.js";
import { createRouter, nonBlankText, storeErrors } from "../router.js";

const ProfileId = z.object({ id: z.string().regex(/^[0-9a-f]{12}$/, "a profile id is 12 hex digits") });
const SavedProfile = z
  .object({ id: z.string(), name: z.string(), createdAt: z.string(), skills: z.number() })
  .openapi("SavedProfile");

/**
 * Saved profiles: the only personal data the server keeps, and only when the person asks. A
 * profile read from a resume is answered and forgotten unless it is POSTed here.
 */
export function profileRoutes(deps: { store?: Db; index: PackIndex }) {
  const profiles = () => {
    if (!deps.store) throw new AppError("STORE_ERROR", "this server has no store");
    return createProfileRepository(deps.store);
  };
  return createRouter()
    .openapi(
      createRoute({
        method: "post",
        path: "/api/profiles",
        summary: "Save a profile to reuse it later (nothing is kept otherwise)",
        request: {
          body: {
            content: {
              "application/json": {
                schema: z.strictObject({
                  profile: profileOfPack(deps.index),
                  name: nonBlankText(MAX_PROFILE_NAME),
                }),
              },
            },
            required: true,
          },
        },
        responses: {
          201: { description: "saved", content: { "application/json": { schema: SavedProfile } } },
          503: storeErrors[503],
        },
      }),
      async (c) => {
        const { profile, name } = c.req.valid("json");
        const repo = profiles();
        const id = await repo.save(profile, name);
        const saved = (await repo.list()).find((p) => p.id === id) as z.infer<typeof SavedProfile>;
        return c.json(saved, 201);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/profiles",
        summary: "The saved profiles",
        responses: {
          200: { description: "saved profiles", content: { "application/json": { schema: z.array(SavedProfile) } } },
          503: storeErrors[503],
        },
      }),
      async (c) => c.json(await profiles().list(), 200),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/profiles/{id}",
        summary: "One saved profile",
        request: { params: ProfileId },
        responses: {
          200: { description: "the profile", content: { "application/json": { schema: Profile } } },
          ...storeErrors,
        },
      }),
      async (c) => c.json(await profiles().get(c.req.valid("param").id), 200),
    )
    .openapi(
      createRoute({
        method: "delete",
        path: "/api/profiles/{id}",
        summary: "Delete a saved profile and everything derived from it",
        request: { params: ProfileId },
        responses: {
          204: { description: "deleted" },
          ...storeErrors,
        },
      }),
      async (c) => {
        const { id } = c.req.valid("param");
        if (!(await profiles().remove(id))) throw new AppError("NOT_FOUND", `no saved profile "${id}"`);
        return c.body(null, 204);
      },
    );
}
