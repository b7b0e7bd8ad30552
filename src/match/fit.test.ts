import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../knowledge/load.js";
import { CREDIT, fitRoles, RoleFit } from "./fit.js";
import { profileWith } from "./test-profiles.js";

const pack = loadKnowledge();
const skillIds = pack.skills.map((s) => s.id);

describe("fitRoles", () => {
  it("scores every role 0-100, best first, with evidence for each requirement", () => {
    const fits = fitRoles(profileWith(["python", "sql", "pandas"]), pack, "2026-11");
    expect(fits).toHaveLength(pack.roles.length);
    for (const f of fits) expect(() => RoleFit.parse(f)).not.toThrow();
    expect(fits.map((f) => f.score)).toEqual([...fits.map((f) => f.score)].sort((a, b) => b - a));
    for (const f of fits) {
      expect(f.score).toBeGreaterThanOrEqual(0);
      expect(f.score).toBeLessThanOrEqual(100);
      const role = pack.roles.find((r) => r.id === f.id);
      const skills = f.evidence.filter((e) => e.kind === "skill");
      expect(skills).toHaveLength((role?.skills.required.length ?? 0) + (role?.skills.preferred.length ?? 0));
    }
  });

  it("shows the resume line that proves a met skill, and partial credit for alternatives", () => {
    const fit = fitRoles(profileWith(["tensorflow"]), pack, "2026-11").find((f) => f.id === "ml-engineer");
    const pytorch = fit?.evidence.find((e) => e.kind === "skill" && e.skill === "pytorch");
    expect(pytorch).toMatchObject({ status: "partly", via: "tensorflow", line: "used tensorflow" });
    const tf = fit?.evidence.find((e) => e.kind === "skill" && e.skill === "tensorflow");
    expect(tf).toMatchObject({ status: "met", line: "used tensorflow" });
  });

  const evidenceFor = (ids: string[], roleId: string, skill: string, p = pack) =>
    fitRoles(profileWith(ids), p, "2026-11")
      .find((f) => f.id === roleId)
      ?.evidence.find((e) => e.kind === "skill" && e.skill === skill);

  it("gives alternative credit within a curated group, not for two tools that share a cloud or a prerequisite", () => {
    expect(evidenceFor(["vertex-ai"], "mlops-engineer", "amazon-sagemaker")).toMatchObject({
      status: "partly",
      credit: CREDIT.alternative,
      via: "vertex-ai",
      reason: "Vertex AI is a close alternative",
    });
    expect(evidenceFor(["prefect"], "data-engineer", "apache-airflow")).toMatchObject({
      credit: CREDIT.alternative,
      via: "prefect",
    });
    // Both build on AWS, and on data pipelines: neither pair is interchangeable, and each earns
    // only the credit of the prerequisite it shows.
    expect(evidenceFor(["amazon-eks"], "mlops-engineer", "amazon-sagemaker")).toMatchObject({
      credit: CREDIT.prerequisite,
      reason: "has the prerequisite Amazon Web Services through Amazon EKS",
    });
    expect(evidenceFor(["apache-kafka"], "data-engineer", "apache-airflow")).toMatchObject({
      credit: CREDIT.prerequisite,
      reason: "has the prerequisite Data Pipelines through Apache Kafka",
    });
  });

  it("counts a prerequisite shown through a skill built on it (it counted only when listed itself)", () => {
    expect(evidenceFor(["pyspark"], "data-engineer", "databricks")).toMatchObject({
      status: "partly",
      credit: CREDIT.prerequisite,
      via: "pyspark",
      reason: "has the prerequisite Apache Spark through PySpark",
    });
    // Listed itself, the prerequisite is named so, whichever skill the resume gives first.
    for (const ids of [
      ["machine-learning", "python"],
      ["python", "machine-learning"],
    ])
      expect(evidenceFor(ids, "data-engineer", "apache-airflow")).toMatchObject({
        via: "python",
        reason: "has the prerequisite Python",
      });
  });

  it("credits AI fundamentals to a resume that shows Machine Learning, and asks a product manager for no more", () => {
    expect(evidenceFor(["machine-learning"], "ai-product-manager", "ai-fundamentals")).toMatchObject({
      status: "partly",
      credit: CREDIT.implied,
      via: "machine-learning",
    });
    // Practitioner ML is a plus for the role, not a requirement.
    const pm = pack.roles.find((r) => r.id === "ai-product-manager");
    expect(pm?.skills.required.map((r) => r.skill)).not.toContain("machine-learning");
    expect(pm?.skills.preferred.map((r) => r.skill)).toContain("machine-learning");
  });

  it("takes alternatives from the pack's groups alone", () => {
    // Without the group, TensorFlow shows only PyTorch's prerequisite.
    expect(evidenceFor(["tensorflow"], "ml-engineer", "pytorch", { ...pack, alternatives: [] })).toMatchObject({
      credit: CREDIT.prerequisite,
    });
    const eksGroup = { ...pack, alternatives: [{ id: "x", note: "n", skills: ["amazon-sagemaker", "amazon-eks"] }] };
    expect(evidenceFor(["amazon-eks"], "mlops-engineer", "amazon-sagemaker", eksGroup)).toMatchObject({
      credit: CREDIT.alternative,
      via: "amazon-eks",
    });
  });

  it("counts related experience and degrees", () => {
    const experienced = profileWith(["python"], {
      experience: [
        {
          title: "Data Scientist",
          organisation: "A",
          start: "2019-01",
          end: "present",
          description: "",
          roleId: "data-scientist",
          skills: [],
        },
      ],
      education: [{ level: "master", field: "Statistics", institution: "U", start: null, end: "2018-06" }],
    });
    const ds = fitRoles(experienced, pack, "2026-11").find((f) => f.id === "data-scientist");
    expect(ds?.evidence.find((e) => e.kind === "experience")).toMatchObject({ status: "met" });
    expect(ds?.evidence.find((e) => e.kind === "education")).toMatchObject({ status: "met" });
  });

  it("never lowers a score when a required skill is added (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...skillIds), { maxLength: 25 }),
        fc.constantFrom(...pack.roles.map((r) => r.id)),
        fc.nat(),
        (ids, roleId, pick) => {
          const role = pack.roles.find((r) => r.id === roleId);
          const required = role?.skills.required ?? [];
          const added = required[pick % required.length]?.skill as string;
          const before = fitRoles(profileWith(ids), pack, "2026-11").find((f) => f.id === roleId)?.score ?? 0;
          const after =
            fitRoles(profileWith([...new Set([...ids, added])]), pack, "2026-11").find((f) => f.id === roleId)?.score ??
            0;
          return after >= before;
        },
      ),
      { numRuns: 150 },
    );
  });
});
