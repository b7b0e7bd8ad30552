import { describe, expect, it } from "vitest";
import { profileWith } from "../match/test-profiles.js";
import { createProfileRepository } from "./profiles.js";
import { testStores, useTestStore } from "./test-stores.js";

for (const store of testStores()) {
  describe.skipIf(store.skip)(`saved profiles on ${store.name}`, () => {
    const open = useTestStore(store);
    const rows = async (id: string) => {
      const p = await open().query<{ n: string }>("SELECT count(*) AS n FROM profiles WHERE id = $1", [id]);
      const s = await open().query<{ n: string }>("SELECT count(*) AS n FROM profile_skills WHERE profile_id = $1", [
        id,
      ]);
      return { profiles: Number(p.rows[0]?.n), skills: Number(s.rows[0]?.n) };
    };

    it("saves a profile with its skills, reads it back unchanged, and lists it", async () => {
      const repo = createProfileRepository(open());
      const profile = profileWith(["python", "sql", "pytorch"], { years: 4 });
      const id = await repo.save(profile, "Ada's resume'); DROP TABLE profiles; --");
      expect(await repo.get(id)).toEqual(profile);
      expect(await rows(id)).toEqual({ profiles: 1, skills: 3 });
      const listed = await repo.list();
      expect(listed.find((p) => p.id === id)).toMatchObject({
        name: "Ada's resume'); DROP TABLE profiles; --",
        skills: 3,
      });
    });

    it("saves text with a NUL or half an emoji, which the store's JSON refused", async () => {
      const repo = createProfileRepository(open());
      const profile = profileWith(["python"]);
      const broken = { ...profile, contact: { ...profile.contact, name: "Jane \ud83d Doe\u0000 \ud83d\ude00" } };
      const id = await repo.save(broken, "cv \udc00");
      expect((await repo.get(id)).contact.name).toBe("Jane \ufffd Doe \ud83d\ude00");
      expect((await repo.list()).find((p) => p.id === id)?.name).toBe("cv \ufffd");
    });

    it("says a profile saved under a looser schema no longer reads, instead of failing unexplained", async () => {
      const repo = createProfileRepository(open());
      const id = await repo.save(profileWith(["sql"]), "old");
      await open().query("UPDATE profiles SET profile = jsonb_set(profile, '{years}', '1e300') WHERE id = $1", [id]);
      await expect(repo.get(id)).rejects.toThrow(new RegExp(`the saved profile "${id}" no longer reads: years:`));
    });

    it("deletes a profile and every row derived from it", async () => {
      const repo = createProfileRepository(open());
      const keep = await repo.save(profileWith(["sql"]), "keep");
      const id = await repo.save(profileWith(["python", "docker"]), "gone");
      expect(await repo.remove(id)).toBe(true);
      expect(await rows(id)).toEqual({ profiles: 0, skills: 0 });
      expect(await rows(keep)).toEqual({ profiles: 1, skills: 1 });
      expect(await repo.remove(id)).toBe(false);
      await expect(repo.get(id)).rejects.toThrow(/no saved profile/);
    });
  });
}
