import { describe, expect, it } from "vitest";
import { AppError } from "../errors.js";
import { loadKnowledge } from "./load.js";
import { closest, describeRole, getRole, indexPack, searchSkills } from "./query.js";

const index = indexPack(loadKnowledge());

describe("searchSkills", () => {
  it("puts an exact alias match first", () => {
    expect(searchSkills(index.pack, "sklearn")[0]?.skill.id).toBe("scikit-learn");
    expect(searchSkills(index.pack, "K8S")[0]?.skill.id).toBe("kubernetes");
  });

  it("finds by prefix and substring, and filters by category", () => {
    const hits = searchSkills(index.pack, "regression");
    expect(hits.map((h) => h.skill.id)).toEqual(expect.arrayContaining(["linear-regression", "logistic-regression"]));
    expect(searchSkills(index.pack, "", "soft-skill").every((h) => h.skill.category === "soft-skill")).toBe(true);
    expect(searchSkills(index.pack, "zzzz-no-such-skill")).toEqual([]);
    // A short query is a word's start: "rag" had found Amazon S3 and ARIMA through "storage" and "average".
    expect(searchSkills(index.pack, "rag").map((h) => h.skill.id)).toEqual(["retrieval-augmented-generation"]);
    // A longer one may sit inside a name.
    expect(searchSkills(index.pack, "torch").map((h) => h.skill.id)).toContain("pytorch");
  });
});

describe("getRole", () => {
  it("finds a role by id, ignoring case and spaces", () => {
    expect(getRole(index, " ML-Engineer ").id).toBe("ml-engineer");
  });

  it("suggests the nearest id for a typo", () => {
    try {
      getRole(index, "data-scientst");
      throw new Error("expected NOT_FOUND");
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe("NOT_FOUND");
      expect((e as AppError).hint).toContain('"data-scientist"');
    }
  });

  it("refuses an empty id instead of suggesting the first role", () => {
    expect(() => getRole(index, "")).toThrow(/the role id is empty/);
  });
});

describe("closest", () => {
  it("returns nothing for an input far from every candidate", () => {
    expect(closest("banana", ["ml-engineer", "data-analyst"])).toBeUndefined();
  });

  it("returns nothing for an empty input, which every candidate contains", () => {
    expect(closest(" ", ["ml-engineer", "data-analyst"])).toBeUndefined();
  });
});

describe("describeRole", () => {
  it("resolves skill names and sources and orders skills by weight", () => {
    const d = describeRole(index, getRole(index, "data-scientist"));
    const weights = d.skills.required.map((s) => s.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(d.skills.required.every((s) => s.name && s.category)).toBe(true);
    expect(d.salary.every((s) => s.sourceDetail?.publisher)).toBe(true);
  });
});
