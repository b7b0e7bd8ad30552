import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../knowledge/load.js";
import { jsonResumeToText } from "./jsonresume.js";
import { Profile } from "./profile.js";
import { createResumeReader, findEmail, findLinks, findPhone, titleAndOrganisation } from "./resume.js";

const read = createResumeReader(loadKnowledge());
/** A text resume read as of November 2026, as most tests here read one. */
const readText = (text: string) => read(text, { now: "2026-11", format: "text" });
const text = readFileSync(join(import.meta.dirname, "..", "..", "test", "fixtures", "resume-senior.txt"), "utf8");
const profile = readText(text);

describe("readResume on a text resume", () => {
  it("keeps a skill's evidence small when one long line repeats it thousands of times", () => {
    // Each of 20,000 mentions had carried the whole 140 KB line: out of memory in the CLI, a 500 in the API.
    const text = `Skills\n${"python ".repeat(20_000)}\nExperience\nData engineer, Acme, 2020-2023: Python pipelines`;
    const python = read(text, { now: "2026-12", format: "text" }).skills.find((s) => s.id === "python");
    expect(python?.sources).toEqual(["experience", "skills"]);
    // The first twenty, and the first from each other place it was seen: its job.
    expect(python?.mentions).toHaveLength(21);
    expect(python?.mentions.at(-1)?.source).toBe("experience");
    for (const m of python?.mentions ?? []) expect(m.line.length).toBeLessThanOrEqual(242);
    expect(python?.mentions[0]?.line).toMatch(/^python python .*…$/);
  });

  it("matches the Profile contract", () => {
    expect(() => Profile.parse(profile)).not.toThrow();
  });

  it("writes whole characters only, as the API takes a profile back", () => {
    // An evidence line cut inside an emoji, and a JSON Resume's "\ud83d", had reached the profile
    // as halves of a character, which the API refuses in a body.
    const emoji = readText(`Jane Doe\n\nSkills\n${"😀".repeat(300)} Python ${"😀".repeat(300)}\n`);
    const json = jsonResumeToText({
      basics: { name: "Sam Lee", label: "Analyst \ud83d" },
      work: [{ name: "Acme", position: "Analyst", startDate: "2020-01", summary: "SQL and Py\udc00thon" }],
    });
    const half = read(json, { now: "2026-11", format: "jsonresume" });
    for (const p of [emoji, half]) {
      expect(JSON.stringify(p)).not.toMatch(/\\ud[89a-f]/i);
      expect(() => Profile.parse(p)).not.toThrow();
    }
    expect(emoji.skills[0]?.mentions[0]?.line).toMatch(/^…\ufffd(😀)+ Python (😀)+\ufffd…$/);
    expect(half.headline).toBe("Analyst \ufffd");
  });

  it("reads contact details and headline", () => {
    expect(profile.contact).toMatchObject({
      name: "Jane Doe",
      email: "jane.doe@example.com",
      phone: "+44 20 7946 0958",
    });
    expect(profile.contact.links).toEqual(expect.arrayContaining(["linkedin.com/in/janedoe", "github.com/janedoe"]));
    expect(profile.headline).toBe("Senior Data Scientist");
    // A summary written inline under the name is no headline.
    const inline = readText(
      "JORDAN WELLS\nMarketing Analyst — jordan.wells@example.com\n\nSummary: Marketing analyst with 4 years of experience in digital analytics.\n\nEXPERIENCE\nMarketing Analyst, Summit Outdoor Co., 2022 - 2025",
    );
    expect(inline.headline).toBeNull();
  });

  it("reads every job with title, organisation, dates and role", () => {
    expect(profile.experience.map((e) => [e.title, e.organisation, e.start, e.end])).toEqual([
      ["Lead Data Scientist", "Acme Retail", "2019-03", "present"],
      ["Data Scientist", "Beta Bank", "2016-01", "2019-02"],
      ["Part-time Lecturer", "City College", "2017-01", "2020-12"],
      ["Data Analyst", "Gamma Insurance", "2013-06", "2015-12"],
    ]);
    expect(profile.experience[0]?.roleId).toBe("data-scientist");
    expect(profile.experience[0]?.skills).toEqual(
      expect.arrayContaining(["pandas", "xgboost", "apache-spark", "python"]),
    );
  });

  it("reads jobs written without dates as a title line over an organisation line", () => {
    const p = read(
      "Meda Cronin\nWORK EXPERIENCE\nAssociate Software Engineer\nOracle\n• Automation in Python and batch scripting.\n• Application support.\nData Analyst Intern\nTrigent Software\n• Reports in Excel and SQL.\nEDUCATION\nB.E. in ENC\nNorth Maharashtra University\n2017",
      { now: "2022-07", format: "text" },
    );
    expect(p.experience.map((e) => [e.title, e.organisation, e.start, e.end])).toEqual([
      ["Associate Software Engineer", "Oracle", null, null],
      ["Data Analyst Intern", "Trigent Software", null, null],
    ]);
    expect(p.experience[0]?.roleId).toBe("software-engineer");
    expect(p.experience[0]?.skills).toContain("python");
    expect(p.years).toBe(0);
    const prose = read("Jo\nExperience\nI worked on many projects over the years.\nMostly in Python.", {
      now: "2022-07",
      format: "text",
    });
    expect(prose.experience).toEqual([]);
  });

  it("reads the 'Company Details' export layout, taking each job's title from where the resume names it", () => {
    const p = read(
      "Data Scientist\nData Scientist - Matelabs\nSkill Details\nPython- Experience - 12 months\nCompany Details\ncompany - Matelabs\ndescription - Built churn models in Python and scikit-learn.\ncompany - Unnamed Corp\ndescription - Reports in Excel.",
      { now: "2021-12", format: "text" },
    );
    expect(p.experience.map((e) => [e.title, e.organisation, e.roleId])).toEqual([
      ["Data Scientist", "Matelabs", "data-scientist"],
    ]);
    expect(p.experience[0]?.description).toContain("churn models");
    expect(p.experience[0]?.skills).toContain("scikit-learn");
  });

  it("reads degrees written out in full when no education heading is known, but not inside jobs", () => {
    const p = read(
      "Jane Doe\n\nSCHOOLING AND HONOURS\nMaster of Arts in Higher Education Administration, 2011\nBachelor of Arts in English Literature, 2007\n\nEXPERIENCE\nResearch Assistant, Acme Lab, 2010 - 2012\nConducted studies under the supervision of John Roe, Ph.D. in Psychology",
      { now: "2021-12", format: "text" },
    );
    expect(p.education.map((e) => e.level).sort()).toEqual(["bachelor", "master"]);
  });

  it("reads a job whose title sits below its dates", () => {
    const p = read(
      "Jane Doe\n\nRELEVANT EXPERIENCE\nUTUMGRAID GROUP\nLagos, Nigeria\nJuly 2012 - till date\nLead Developer\nDesigned and built a poultry Android app.\nUNIVERSITY OF LAGOS\nJanuary 2011 - June 2012\nResearch Assistant\nStudied search technologies.",
      { now: "2014-12", format: "text" },
    );
    expect(p.experience.map((e) => [e.title, e.organisation, e.start, e.end])).toEqual([
      ["Lead Developer", "UTUMGRAID GROUP", "2012-07", "present"],
      ["Research Assistant", "UNIVERSITY OF LAGOS", "2011-01", "2012-06"],
    ]);
    const below = read(
      "Jane Doe\n\nWORK EXPERIENCE\nDecember 2011 to July 2012\nTrailer Park, Hollywood, California.\nFreelance Android Developer.\nCreated several apps on phone and Google TV platforms.\nJanuary 2007 to October 2011\nFlash Factory, Burbank, California.\nArchitect, Lead Developer.\nLead development on Flex and PHP applications.",
      { now: "2014-12", format: "text" },
    );
    expect(below.experience.map((e) => [e.title, e.start])).toEqual([
      ["Freelance Android Developer.", "2011-12"],
      ["Architect", "2007-01"],
    ]);
    expect(below.experience[0]?.roleId).toBe("software-engineer");
  });

  it("takes the current job's title in the 'Company Details' layout from the line before the skills", () => {
    const p = read(
      "Education Details \r\n BE IT   pjlce\r\nJava Developer \r\n\r\n\r\nSkill Details \r\nJdbc- Experience - 24 monthsCompany Details \r\ncompany - Almighty tech pvt ltd\r\ndescription - Resolve bugs in Java.\r\ncompany - Older Corp\r\ndescription - Support.",
      { now: "2021-12", format: "text" },
    );
    expect(p.experience.map((e) => [e.title, e.organisation, e.roleId])).toEqual([
      ["Java Developer", "Almighty tech pvt ltd", "software-engineer"],
    ]);
  });

  it("reads jobs written as sentences when there is no experience section, dated by their own sentence", () => {
    const p = read(
      "Professional Summary:      Around 2 years of Java.  Professional Experience:        Currently working as a Software Engineer in xxx Technologies, Bangalore from July  2009.        Working as a Software Engineer in Acme Software Pvt Ltd, Bangalore from May 2007  to June 2009  Achievements: Worked as a team on a hackathon. Presently I am associated with Initech as a Data Analyst since Jan. 2010 to Till Date.",
      { now: "2012-12", format: "text" },
    );
    expect(p.experience.map((e) => [e.title, e.organisation, e.start, e.end, e.roleId])).toEqual([
      ["Software Engineer", "xxx Technologies", "2009-07", "present", "software-engineer"],
      ["Software Engineer", "Acme Software Pvt Ltd", "2007-05", "2009-06", "software-engineer"],
      ["Data Analyst", "Initech", "2010-01", "present", "data-analyst"],
    ]);
    // A section with dated jobs comes first: sentences in a summary then add nothing.
    const dated = read(
      "Summary\nCurrently working as a Data Analyst in Initech.\nExperience\nSoftware Engineer, Acme\nJan 2015 - Present\nBuilt services.",
      { now: "2020-01", format: "text" },
    );
    expect(dated.experience.map((e) => e.title)).toEqual(["Software Engineer"]);
    // A wish is no job, and a line break ends the sentence that dates one.
    const objective = read(
      "Objective\nSeeking to be associated with a growing firm as a Software Engineer.\nSummary\nWorked as a Data Analyst at Initech\nMCA 2005 - 2008",
      { now: "2020-01", format: "text" },
    );
    expect(objective.experience.map((e) => [e.title, e.organisation, e.start])).toEqual([
      ["Data Analyst", "Initech", null],
    ]);
  });

  it("takes the total a resume states, and says when its dated jobs disagree with it", () => {
    const undated = readText(
      "Priya Raman\nSummary\nData engineer with 7 years of experience in Spark and Airflow.\nExperience\nData Engineer, Acme\nBuilt pipelines.",
    );
    expect(undated.years).toBe(7);
    const dated = readText(
      "Priya Raman\nSummary\nData engineer with 3 years of experience.\nExperience\nData Engineer, Acme\nJan 2015 - Present\nBuilt pipelines.",
    );
    // Far apart, the person's own total wins: job lists are often partial, and "Present" means
    // the day the resume was written, which may be years ago.
    expect(dated.years).toBe(3);
    expect(dated.warnings).toContain(
      "the resume states 3 years of experience; its dated jobs add up to 11.9 (the stated total is used)",
    );
    // "2 years of deep learning" is about one skill, not the career: dates win.
    const skill = readText(
      "Priya Raman\nSummary\nEngineer with 2 years of deep learning.\nExperience\nData Engineer, Acme\nJan 2015 - Present\nBuilt pipelines.",
    );
    expect(skill.years).toBe(11.9);
    expect(skill.warnings.join(" ")).toContain("the stated figure is for one skill");
  });

  it("keeps a job whose dates run backwards, without its dates or years, and says so", () => {
    const p = readText(
      [
        "Jane Doe",
        "",
        "Experience",
        "Data Scientist, Acme",
        "2022 - 2019",
        "- Built models in Python",
        "",
        "Data Analyst, Beta Bank",
        "Mar 2023 - Jan 2021",
        "- Reports in SQL",
        "",
        "Analyst, Gamma",
        "2015 - 2017",
        "- Reports in Excel",
      ].join("\n"),
    );
    // "2022 - 2019" had been read as a job in 2019 alone ("- 2019" ends the line), adding a year,
    // and the job dated "Mar 2023 - Jan 2021" was lost, its lines taken as the job above's;
    // neither said why.
    expect(p.experience.map((e) => [e.title, e.organisation, e.start, e.end])).toEqual([
      ["Data Scientist", "Acme", null, null],
      ["Data Analyst", "Beta Bank", null, null],
      ["Analyst", "Gamma", "2015-01", "2017-12"],
    ]);
    expect(p.experience[0]?.skills).toContain("python");
    expect(p.years).toBe(3);
    expect(p.warnings).toEqual(
      expect.arrayContaining([
        'the job "Data Scientist" is dated "2022 - 2019", which ends before it starts: its dates are left out',
        'the job "Data Analyst" is dated "Mar 2023 - Jan 2021", which ends before it starts: its dates are left out',
      ]),
    );
    expect(() => Profile.parse(p)).not.toThrow();
  });

  it("counts overlapping jobs once", () => {
    // Jun 2013 to Nov 2026 with no gap: 13 years 6 months, although the jobs add up to more.
    // The resume states 10 years, more than a year apart, so that is its total.
    expect(profile.warnings).toContain(
      "the resume states 10 years of experience; its dated jobs add up to 13.5 (the stated total is used)",
    );
    expect(profile.years).toBe(10);
  });

  it("reads education, certifications and projects", () => {
    expect(profile.education).toEqual([
      { level: "master", field: "Statistics", institution: "University of Leeds", start: "2012-01", end: "2013-12" },
      { level: "bachelor", field: "Mathematics", institution: "University of York", start: null, end: "2012-06" },
    ]);
    expect(profile.certifications).toEqual([
      { name: "AWS Certified Machine Learning - Specialty", issuer: "Amazon Web Services", date: "2022" },
    ]);
    expect(profile.projects[0]).toMatchObject({
      name: "Uplift modelling toolkit",
      skills: expect.arrayContaining(["pytorch"]),
    });
  });

  it("reads an education line that starts with a degree's letters ('MS Biostatistics', 'BA (Hons) Economics')", () => {
    const p = readText(
      "Education\nMS Biostatistics, University of Michigan, 2010 - 2012\nBA (Hons) Economics, Boston College, 2006 - 2010\nMS Office Specialist, 2005",
    );
    // Both had been no degree, and the second line lost to the first's entry.
    expect(p.education.map((e) => [e.level, e.field, e.institution])).toEqual([
      ["master", "Biostatistics", "University of Michigan"],
      ["bachelor", "Economics", "Boston College"],
    ]);
  });

  it("reads leading, managing, mentoring and publishing written as a resume's verbs", () => {
    const ids = (line: string) =>
      readText(`Experience\nLecturer, Acme University, 2015 - 2024\n- ${line}`).skills.map((s) => s.id);
    // Each had given no skill, so an ML manager's fit found no leadership or people management.
    expect(ids("Led a team of five engineers")).toContain("leadership");
    expect(ids("Managed a team of six data scientists")).toContain("people-management");
    expect(ids("Mentored two junior engineers")).toContain("mentoring");
    expect(ids("Supervised 30 MSc dissertations and three PhD students")).toContain("mentoring");
    expect(ids("Published 25 peer-reviewed papers")).toContain("research-skills");
    expect(ids("Reported to the management team")).not.toContain("people-management");
    expect(ids("Line managed two analysts")).toContain("people-management");
    // Led, managed or supervised by others, teammates and teamwork, or paperwork: none of them.
    for (const line of [
      "Worked under the supervision of the senior team lead",
      "Supervised by the team manager",
      "Managed code reviews with teammates",
      "Line manager: Jane Smith",
      "Worked on the production line and managed stock",
    ])
      expect(ids(line), line).not.toContain("people-management");
    expect(ids("Led by the team lead, shipped two releases")).not.toContain("leadership");
    expect(ids("Led teamwork workshops")).not.toContain("leadership");
    expect(ids("Supervised internal audits of payroll")).not.toContain("mentoring");
    expect(ids("Supervised three summer interns")).toContain("mentoring");
    expect(ids("Processed authorisation paperwork and published paperwork guides")).not.toContain("research-skills");
  });

  it("does not read a course provider, a journal or Excel's Power Query as deep learning, communication or Power BI", () => {
    const ids = (line: string) => readText(`Jane Doe\nCertifications\n${line}`).skills.map((s) => s.id);
    expect(ids("Machine Learning Specialization, DeepLearning.AI (2023)")).toEqual(["machine-learning"]);
    expect(ids("Published in Nature Communications and Communications of the ACM")).not.toContain("communication");
    const excel = ids("Cleaned data with Power Query in Excel");
    expect(excel).toContain("power-query");
    expect(excel).not.toContain("power-bi");
  });

  it("reads anti-money laundering work as that, not as fraud detection and the machine learning beneath it", () => {
    const p = readText(
      "Experience\nCompliance Analyst, Northbank, 2019 - 2024\n- Ran transaction monitoring and AML investigations",
    );
    const ids = p.skills.map((s) => s.id);
    expect(ids).toContain("anti-money-laundering");
    expect(ids).not.toContain("fraud-detection");
  });

  it("does not read the teams a person worked with as their skills, unless the resume names them as its own", () => {
    const ids = (text: string) => readText(text).skills.map((s) => s.id);
    const job = "Experience\nSoftware Engineer, Acme, 2020 - 2024\n";
    const beside = ids(
      `${job}- Built the feature store with the data science team\n- Partnered with machine learning engineers on serving\n- Built extracts for the BI team\n- Wrote Python services`,
    );
    expect(beside).toContain("python");
    expect(beside).not.toContain("data-science");
    expect(beside).not.toContain("machine-learning");
    expect(beside).not.toContain("business-intelligence");
    // Nor are the other groups named beside one ("for the pricing and finance teams").
    const teams = ids(`${job}- Built dbt models for the pricing and finance teams\n- Wrote Python services`);
    expect(teams).toContain("dbt");
    expect(teams).not.toContain("finance");
    expect(ids(`${job}- Built dbt models for the sales, marketing and data science teams`)).not.toContain(
      "data-science",
    );
    expect(ids(`${job}- Led the data science team\n- Python`)).toContain("data-science");
    expect(ids(`${job}- Worked with the data science team\nSkills\nData science, Python`)).toContain("data-science");
  });

  it("does not read the role a summary says the person wants next as skills they have", () => {
    const ids = (summary: string, rest = "") =>
      readText(
        `Summary\n${summary}\nExperience\nDevOps Engineer, Acme, 2019 - 2025\n- Ran Kubernetes clusters\n${rest}`,
      ).skills.map((s) => s.id);
    const devops = ids(
      "DevOps engineer with six years on AWS. I want to move into MLOps: serving models in production.",
    );
    expect(devops).toContain("aws");
    expect(devops).not.toContain("mlops");
    expect(devops).not.toContain("model-serving");
    const statistician = ids(
      "Biostatistician expert in SAS. Interested in moving into data science and machine learning.",
    );
    expect(statistician).toContain("sas");
    expect(statistician).not.toContain("data-science");
    expect(statistician).not.toContain("machine-learning");
    expect(ids("Lecturer. I want to move my research and teaching into machine learning.")).not.toContain(
      "machine-learning",
    );
    // What the person brings along, what they did before, and a goal also shown elsewhere stay theirs.
    expect(ids("Looking to move into data science, bringing my Python and SQL.")).toEqual(
      expect.arrayContaining(["python", "sql"]),
    );
    expect(ids("Moved into machine learning in 2021 and shipped models since.")).toContain("machine-learning");
    expect(ids("I want to move into MLOps.", "Skills\nMLOps, Docker")).toContain("mlops");
    // A move of something else, a move helped along, or another's switch is work done, not a goal.
    expect(ids("Cloud engineer experienced in moving on-prem workloads to AWS.")).toContain("aws");
    expect(ids("Platform engineer who helped three teams move to Terraform.")).toContain("terraform");
    expect(ids("Drove the team's switch from Jenkins to GitHub Actions.")).toContain("github-actions");
    expect(ids("Switching careers into machine learning.")).not.toContain("machine-learning");
    // A goal wrapped onto the next line is still a goal, and so is a role sought with an article.
    const qa = ids(
      "Test automation engineer who keeps pipelines green. I want to move into MLOps:\ntesting, deploying and monitoring machine learning models in production.",
    );
    expect(qa).not.toContain("machine-learning");
    expect(qa).not.toContain("model-deployment");
    expect(qa).not.toContain("model-monitoring");
    expect(ids("Data engineer on Spark. Looking to move\ninto machine learning engineering.")).not.toContain(
      "machine-learning",
    );
    const quant = ids(
      "Quant with six years in C++. Seeking a machine learning research role applying deep learning\nand reinforcement learning.",
    );
    expect(quant).not.toContain("machine-learning");
    expect(quant).not.toContain("deep-learning");
    expect(quant).not.toContain("reinforcement-learning");
    const mech = ids(
      "I now want to work\nas a computer vision engineer, building on machine vision projects for our line.",
    );
    expect(mech).not.toContain("computer-vision");
    expect(mech).toContain("machine-vision");
    // A new line that starts with a capital is a new sentence.
    expect(ids("Looking to move into data science.\nPython and SQL every day.")).toContain("python");
    // A policy researcher's goal of AI governance is no evidence, but her reports on algorithmic accountability are.
    const policy = ids("I want to focus on AI governance.", "- Wrote reports on algorithmic accountability");
    expect(policy).not.toContain("ai-governance");
    expect(policy).toContain("ai-ethics");
  });

  it("reads regression tests as software testing and a regression discontinuity as causal inference, not regression models", () => {
    const ids = (bullets: string) =>
      readText(`Experience\nAnalyst, Acme, 2019 - 2025\n${bullets}`).skills.map((s) => s.id);
    const qa = ids(
      "- Built a Selenium framework covering 1,800 regression tests\n- Own the Jenkins pipelines for nightly regression",
    );
    expect(qa).toContain("software-testing");
    expect(qa).not.toContain("regression");
    const economist = ids("- Estimated the returns to college with a regression discontinuity design");
    expect(economist).toContain("causal-inference");
    expect(economist).not.toContain("regression");
    expect(ids("- Built regression models of house prices")).toContain("regression");
  });

  it("reads a doctoral thesis as research skills, and an auditor's working papers as not", () => {
    // A PhD quant with a thesis and a working paper had been planned 150 h of research skills.
    const p = readText(
      [
        "Education",
        "PhD, Applied Mathematics, New York University (2018)",
        "  Thesis: Optimal stopping for jump-diffusion processes",
        "Publications",
        'Doe, J. "Deep hedging under transaction costs", working paper, 2023.',
      ].join("\n"),
    );
    expect(p.skills.map((s) => s.id)).toContain("research-skills");
    // Audit working papers are an auditor's files, not research.
    const audit = readText(
      "Experience\nAudit Senior, Acme LLP, 2015 - 2020\n- Wrote working papers on audits of funds",
    );
    expect(audit.skills.map((s) => s.id)).not.toContain("research-skills");
  });

  it("does not read an employer's name as a skill, but keeps the skill where the resume names it too", () => {
    const text = [
      "Experience",
      "Machine Learning Intern, Brightline Health Analytics",
      "June 2023 - August 2023",
      "- Trained gradient boosting models in Python",
      "Data Engineer, Databricks, 2021 - 2023",
      "- Built Spark pipelines",
      "Software Engineer at Snowflake Computing, 2019 - 2021",
      "- Wrote Java services",
      "Data Analyst, Corrib Insurance, 2017 - 2019",
      "- Priced policies in Excel",
      // A header's tool list, whose first item is read as the employer: those are the person's tools.
      "Machine Learning Engineer | Rust, PyTorch | 2015 - 2017",
      "- Trained models",
      "Skills",
      "Snowflake, SQL",
    ].join("\n");
    const p = readText(text);
    const ids = p.skills.map((s) => s.id);
    // An industry in the employer's name is experience of it.
    expect(ids).toEqual(
      expect.arrayContaining(["python", "apache-spark", "java", "snowflake", "sql", "insurance", "rust", "pytorch"]),
    );
    expect(ids).not.toContain("analytics");
    expect(ids).not.toContain("databricks");
    expect(p.experience.map((e) => e.organisation)).toEqual([
      "Brightline Health Analytics",
      "Databricks",
      "Snowflake Computing",
      "Corrib Insurance",
      "Rust",
    ]);
    expect(p.skills.find((s) => s.id === "snowflake")?.sources).toEqual(["skills"]);
    expect(p.experience[1]?.skills).toEqual(["apache-spark"]);
  });

  it("says where each skill was seen, strongest first, with the line that proves it", () => {
    const python = profile.skills.find((s) => s.id === "python");
    expect(python?.source).toBe("experience");
    expect(python?.sources).toEqual(["experience", "project", "skills"]);
    for (const s of profile.skills) for (const m of s.mentions) expect(m.line).toContain(m.text);
  });
});

describe("readResume on a Markdown resume", () => {
  // A .md file arrives as text: its marks had leaked into the name ("# Jane Doe" was no name at
  // all), the headline, the job titles and the employers.
  const md = [
    "# Jane Doe",
    "",
    "London | jane.doe@example.com | [LinkedIn](https://www.linkedin.com/in/jane-doe) | [github.com/janedoe](https://github.com/janedoe)",
    "",
    "_Senior Data Scientist_",
    "",
    "## Work Experience",
    "",
    "### **Data Scientist**, [Beta Bank](https://beta.example)",
    "*Jan 2019 - Present*",
    "* Built credit models in Python",
    "+ Led the move to Spark",
    "",
    "### Data Analyst | *Gamma Insurance*",
    "2016 - 2018",
    "",
    "## Education",
    "",
    "**MSc in Statistics**, University of Leeds, 2015",
  ].join("\n");
  const p = readText(md);

  it("reads the name and headline without their marks, and links from their addresses", () => {
    expect(p.contact.name).toBe("Jane Doe");
    expect(p.headline).toBe("Senior Data Scientist");
    // The GitHub address is written twice, as the link's text and as its address: one link.
    expect(p.contact.links.sort()).toEqual(["github.com/janedoe", "https://www.linkedin.com/in/jane-doe"]);
  });

  it("does not list a tool named like a domain as the person's link", () => {
    const text = [
      "Sam Lee",
      "samlee.dev | www.samlee.io",
      "",
      "SKILLS",
      "C#, ASP.NET, VB.Net, ML.NET, socket.io, Node.js",
    ].join("\n");
    expect(readText(text).contact.links.sort()).toEqual(["samlee.dev", "www.samlee.io"]);
  });

  it("reads tables' cells as text: no '|' in the name, headline or jobs, skills found in their cells", () => {
    const tables = [
      "| Jane Doe |",
      "|---|",
      "| Senior Data Scientist |",
      "",
      "## Skills",
      "",
      "| Skill | Years |",
      "|-------|:-----:|",
      "| Python | 5 |",
      "| **PyTorch** | 3 |",
      "",
      "## Experience",
      "",
      "| Data Scientist | Acme |",
      "| --- | --- |",
      "| Jan 2019 - Present | Built credit models in Spark |",
      "",
      "| Data Analyst |",
      "|---|",
      "| Beta Bank |",
      "| 2016 - 2019 |",
    ].join("\n");
    const t = readText(tables);
    expect([t.contact.name, t.headline]).toEqual(["Jane Doe", "Senior Data Scientist"]);
    expect(t.experience.map((e) => [e.title, e.organisation, e.start, e.end, e.description])).toEqual([
      ["Data Scientist", "Acme", "2019-01", "present", ""],
      ["Data Analyst", "Beta Bank", "2016-01", "2019-12", ""],
    ]);
    const pytorch = t.skills.find((s) => s.id === "pytorch")?.mentions[0];
    expect(pytorch).toMatchObject({ text: "PyTorch", line: "PyTorch, 3", source: "skills" });
    expect(t.skills.find((s) => s.id === "apache-spark")?.sources).toEqual(["experience"]);
  });

  it("reads a personal site's address whole, subdomains and all", () => {
    const text = [
      "Sam Lee",
      "sam.lee.dev | blog.example.co.uk | jane.github.io | https://www.linkedin.com/in/sam-lee",
      "",
      "SKILLS",
      "C#, ASP.NET, VB.Net, ML.NET, socket.io, Node.js, notes.network",
    ].join("\n");
    // "sam.lee.dev" had been "lee.dev", and "notes.network" "notes.net".
    expect(readText(text).contact.links.sort()).toEqual([
      "blog.example.co.uk",
      "https://www.linkedin.com/in/sam-lee",
      "jane.github.io",
      "sam.lee.dev",
    ]);
  });

  it("reads jobs and education under Markdown headings, titles and employers bare", () => {
    expect(p.experience.map((e) => [e.title, e.organisation, e.start, e.end])).toEqual([
      ["Data Scientist", "Beta Bank", "2019-01", "present"],
      ["Data Analyst", "Gamma Insurance", "2016-01", "2018-12"],
    ]);
    expect(p.experience[0]?.description).toBe("Built credit models in Python\nLed the move to Spark");
    expect(p.education.map((e) => [e.level, e.field, e.institution])).toEqual([
      ["master", "Statistics", "University of Leeds"],
    ]);
  });
});

describe("certifications", () => {
  it("dates a certification by the date line under it, which is no certification of its own", () => {
    const p = read(
      [
        "Jane Doe",
        "",
        "Certifications",
        "Google Professional Machine Learning Engineer",
        "Issued Mar 2021",
        "TensorFlow Developer Certificate",
        "2020",
        "Certified Kubernetes Administrator (CKA)",
        "Jan 2019 - Jan 2022",
        "Databricks Certified Data Engineer, 2023",
        "Expires Dec 2026",
      ].join("\n"),
      { now: "2026-11", format: "text" },
    );
    expect(p.certifications).toEqual([
      { name: "Google Professional Machine Learning Engineer", issuer: null, date: "2021" },
      { name: "TensorFlow Developer Certificate", issuer: null, date: "2020" },
      { name: "Certified Kubernetes Administrator (CKA)", issuer: null, date: "2019" },
      { name: "Databricks Certified Data Engineer", issuer: null, date: "2023" },
    ]);
  });

  it("reads a certification a narrow column wrapped as one, when blank lines set them apart", () => {
    // Each wrapped line had been a certification: "Python for Everybody", "Specialization", ...
    const p = read(
      [
        "Jane Doe",
        "",
        "Certifications",
        "Python for Everybody",
        "Specialization, University",
        "of Michigan (Coursera)",
        "Nov 2025",
        "",
        "Intro to Machine",
        "Learning, Kaggle Learn",
        "Mar 2026",
      ].join("\n"),
      { now: "2026-11", format: "pdf" },
    );
    expect(p.certifications).toEqual([
      { name: "Python for Everybody Specialization", issuer: "University of Michigan (Coursera)", date: "2025" },
      { name: "Intro to Machine Learning", issuer: "Kaggle Learn", date: "2026" },
    ]);
  });
});

describe("education", () => {
  it("dates a degree from a date line set apart by a blank line, as a Word document's paragraphs are", () => {
    // The date line had been a block of its own, read as nothing, and the degree left undated.
    const p = read(
      [
        "Jane Doe",
        "",
        "Education",
        "Master of Science in Statistics, Lakemont University",
        "",
        "Sep 2012 - Jun 2014",
        "",
        "Bachelor of Science in Mathematics, Lakemont University",
        "",
        "2008 - 2012",
      ].join("\n"),
      { now: "2026-11", format: "docx" },
    );
    expect(p.education.map((e) => [e.level, e.institution, e.start, e.end])).toEqual([
      ["master", "Lakemont University", "2012-09", "2014-06"],
      ["bachelor", "Lakemont University", "2008-01", "2012-12"],
    ]);
  });

  it("reads a postgraduate certificate as proof of a bachelor's, not as a master's", () => {
    // It had no level: a teacher listing only a PGCE read as holding no degree.
    const p = read(
      [
        "Jane Doe",
        "",
        "Education",
        "Postgraduate Certificate in Education in Secondary Mathematics, University of Northgate",
        "Sep 2017 - Jun 2018",
        "",
        "PGCE (Primary), Lakemont University, 2015",
      ].join("\n"),
      { now: "2026-11", format: "text" },
    );
    expect(p.education.map((e) => [e.level, e.field, e.institution, e.end])).toEqual([
      ["bachelor", "Education", "University of Northgate", "2018-06"],
      ["bachelor", null, "Lakemont University", "2015-06"],
    ]);
  });
});

describe("education (layouts of certificates and business degrees)", () => {
  it("reads a certificate above a degree as two entries, and a degree's letters before a comma", () => {
    const p = readText(
      [
        "Jane Doe",
        "",
        "Education",
        "Certificate in Health Informatics, University of Illinois Chicago, 2024",
        "  Coursework: SQL for health data, Tableau",
        "Bachelor of Science in Nursing, Loyola University Chicago, 2014",
        "Diploma, Computer Programming, Seneca College, 2019",
        "B.Sc. Biology, University of Ghana, 2016",
        "BBA, Marketing, University of Colorado Boulder, 2020 (minor in Business Analytics)",
        "PhD, Applied Mathematics — Courant Institute, New York University (2018)",
      ].join("\n"),
    );
    expect(p.education.map((e) => [e.level, e.field, e.institution, e.end])).toEqual([
      [null, null, "University of Illinois Chicago", "2024-06"],
      ["bachelor", "Nursing", "Loyola University Chicago", "2014-06"],
      [null, null, "Seneca College", "2019-06"],
      ["bachelor", "Biology", "University of Ghana", "2016-06"],
      ["bachelor", "Marketing", "University of Colorado Boulder", "2020-06"],
      ["phd", "Applied Mathematics", "Courant Institute", "2018-06"],
    ]);
  });
});

describe("projects", () => {
  it("keeps a project's tools line with the project, its skills counted there", () => {
    const p = readText(
      [
        "Jane Doe",
        "",
        "Projects",
        "Churn model",
        "Predicted churn for a telecom operator.",
        "Tools: Python, XGBoost",
        "Image search",
        "Search a shop's catalogue by photo.",
        "Tech stack: PyTorch, FAISS",
        "Route planner",
        "Technologies: Java",
      ].join("\n"),
    );
    expect(p.projects.map((x) => x.name)).toEqual(["Churn model", "Image search", "Route planner"]);
    expect(p.projects[0]?.description).toBe("Predicted churn for a telecom operator.\nTools: Python, XGBoost");
    expect(p.projects[0]?.skills).toEqual(expect.arrayContaining(["python", "xgboost"]));
    expect(p.projects[1]?.skills).toContain("pytorch");
    expect(p.projects[2]?.skills).toContain("java");
    expect(p.skills.find((s) => s.id === "xgboost")?.sources).toEqual(["project"]);
  });

  it("keeps a project's lines together when blank lines set projects apart, as a PDF's do", () => {
    // A PDF loses its bullets: each duty, and each wrapped line, had been read as a project.
    const p = read(
      [
        "Jane Doe",
        "",
        "Projects",
        "Book recommender",
        "A recommendation service trained on public ratings.",
        "Trained a two-tower retrieval model in PyTorch",
        "on 1.2 million ratings",
        "Served recommendations through FastAPI",
        "Tools: Python, PyTorch",
        "",
        "Course planner",
        "A schema for planning degree requirements.",
        "Designed a PostgreSQL schema",
      ].join("\n"),
      { now: "2026-11", format: "pdf" },
    );
    expect(p.projects.map((x) => x.name)).toEqual(["Book recommender", "Course planner"]);
    expect(p.projects[0]?.description.split("\n")).toHaveLength(5);
    expect(p.projects[1]?.skills).toContain("postgresql");
  });

  it("keeps a lone project's lines together when its bullets were lost, up to its tools line", () => {
    // One project, so no blank lines to set projects apart: its first duty had started a second.
    const p = read(
      [
        "Jane Doe",
        "",
        "Projects",
        "bayes-ab-sample",
        "Open-source Python package for Bayesian analysis of A/B tests.",
        "github.com/jane/bayes-ab-sample",
        "Beta-binomial and log-normal models with expected-loss decision rules",
        "Documentation with worked examples used in internal training",
        "Tools: Python, NumPy, SciPy",
        "",
        "Certifications",
        "Tableau Desktop Specialist, Tableau",
      ].join("\n"),
      { now: "2026-11", format: "pdf" },
    );
    expect(p.projects.map((x) => x.name)).toEqual(["bayes-ab-sample"]);
    expect(p.projects[0]?.description.split("\n")).toHaveLength(5);
    expect(p.projects[0]?.skills).toEqual(expect.arrayContaining(["python", "numpy", "scipy"]));
  });

  it("keeps a link alone on a line under a project with that project", () => {
    // The link had started a project of its own, named by the address, taking the bullets below it.
    const p = readText(
      [
        "Jane Doe",
        "",
        "Projects",
        "bayes-ab",
        "Bayesian analysis of A/B tests.",
        "github.com/jane/bayes-ab",
        "Churn model",
        "https://example.com/churn",
        "- Predicted churn with XGBoost",
        "Image search",
        "Search by photo.",
        "Code: gitlab.com/jane/image-search",
      ].join("\n"),
    );
    expect(p.projects.map((x) => x.name)).toEqual(["bayes-ab", "Churn model", "Image search"]);
    expect(p.projects[0]?.description).toBe("Bayesian analysis of A/B tests.\ngithub.com/jane/bayes-ab");
    expect(p.projects[1]?.description).toBe("https://example.com/churn\nPredicted churn with XGBoost");
    expect(p.projects[2]?.description).toBe("Search by photo.\nCode: gitlab.com/jane/image-search");
  });
});

describe("readResume edge cases", () => {
  it("warns when there are no headings, and reads nothing from empty text", () => {
    const p = readText("Just a paragraph about me and Python.");
    expect(p.warnings).toContain(
      "no section headings found (Experience, Education, Skills...): entries may be missing",
    );
    expect(readText("")).toMatchObject({ skills: [], experience: [], years: 0 });
  });

  it("reads a JSON Resume through the same reader", () => {
    const text = jsonResumeToText({
      basics: { name: "Sam Lee", label: "Maths teacher" },
      work: [
        {
          name: "Hill School",
          position: "Mathematics Teacher",
          startDate: "2016-09",
          highlights: ["Taught statistics"],
        },
      ],
      education: [
        {
          institution: "University of Bristol",
          studyType: "Bachelor of Science",
          area: "Mathematics",
          endDate: "2016-06",
        },
      ],
      skills: [{ name: "Tools", keywords: ["Excel", "Python"] }],
    });
    const p = read(text, { now: "2026-11", format: "jsonresume" });
    expect(p.contact.name).toBe("Sam Lee");
    expect(p.experience).toMatchObject([
      { title: "Mathematics Teacher", organisation: "Hill School", start: "2016-09", end: "present" },
    ]);
    expect(p.education[0]).toMatchObject({
      level: "bachelor",
      field: "Mathematics",
      institution: "University of Bristol",
    });
    expect(p.skills.map((s) => s.id)).toEqual(expect.arrayContaining(["excel", "python", "statistics"]));
  });
});

describe("titleAndOrganisation", () => {
  it.each([
    [["Data Scientist, Acme"], "Data Scientist", "Acme"],
    [["Data Scientist at Acme"], "Data Scientist", "Acme"],
    [["Acme | Senior Engineer"], "Senior Engineer", "Acme"],
    [["Machine Learning Engineer", "Acme Corp"], "Machine Learning Engineer", "Acme Corp"],
    [["Acme Corp", "Analyst - London"], "Analyst", "Acme Corp"],
    [["Have worked as a Support Engineer at Acme"], "Support Engineer", "Acme"],
    [["Currently working as Software Developer, Acme"], "Software Developer", "Acme"],
    // What a comma before the dates leaves: "Acme," had been the organisation.
    [["Data Scientist, Acme,"], "Data Scientist", "Acme"],
    [["Acme Inc.", "Data Scientist,"], "Data Scientist", "Acme Inc."],
    // The course had been the employer.
    [
      ["Teaching Assistant, Introduction to Programming (part-time), Lakeshore University"],
      "Teaching Assistant",
      "Lakeshore University",
    ],
    [["Adjunct Lecturer, Lakemont City", "College"], "Adjunct Lecturer", "Lakemont City"],
    // Bars part title and employer: the comma is the title's. The department had been the employer.
    [
      ["Vice President, Quantitative Analytics | Hudson Meridian Bank |"],
      "Vice President, Quantitative Analytics",
      "Hudson Meridian Bank",
    ],
    [["Manager, Data Science | Acme"], "Manager, Data Science", "Acme"],
    // What dates in brackets leave: "Senior Mechanical Engineer ( )".
    [
      ["Keystone Automotive Systems — Senior Mechanical Engineer ( )"],
      "Senior Mechanical Engineer",
      "Keystone Automotive Systems",
    ],
  ])("reads %j", (parts, title, organisation) => {
    expect(titleAndOrganisation(parts)).toEqual({ title, organisation });
  });

  it.each([
    ["a short sentence", ["Built dashboards."]],
    ["a sentence's wrapped tail", ["Built dashboards for the sales team", "and the board"]],
  ])("takes no organisation from %s above 'Title, Org, dates'", (_, duties) => {
    const p = readText(
      [
        "Jane Doe",
        "",
        "Experience",
        "Data Analyst, Acme, 2019 - 2021",
        ...duties,
        "Data Scientist, Beta Corp, 2021 - 2023",
      ].join("\n"),
    );
    expect(p.experience.map((e) => [e.title, e.organisation])).toEqual([
      ["Data Analyst", "Acme"],
      ["Data Scientist", "Beta Corp"],
    ]);
    expect(p.experience[0]?.description).toBe(duties.join("\n"));
  });
});

describe("the name in a resume's header", () => {
  const nameOf = (header: string) => read(`${header}\n\nExperience\nData Analyst, Acme, 2019-2023`, opts).contact.name;
  const opts = { now: "2026-11", format: "text" } as const;

  it.each([
    "CURRICULUM VITAE\nJane Doe",
    "Curriculum Vitae\nJane Doe",
    "Sample Resume\nJane Doe",
    "Personal Details\nJane Doe",
    "Senior Data Scientist\nJane Doe",
    "12 Frontier Road\nFrontier Road\nJane Doe",
    "AREAS OF EXPERTISE\nJane Doe",
    "Phone Number\nJane Doe",
    "Widener University\nJane Doe",
  ])("is the person's, not a title, heading, label or address, in %j", (header) => {
    expect(nameOf(header)).toBe("Jane Doe");
  });

  it("takes no headline from the document's title", () => {
    const p = read("CURRICULUM VITAE\nJane Doe\nData Scientist\n\nSkills\nPython", opts);
    expect(p.headline).toBe("Data Scientist");
    expect(read("Sample Resume\nJane Doe\n\nSkills\nPython", opts).headline).toBeNull();
  });

  it("reads the name from a first line that opens a spreadsheet cell's quote", () => {
    const p = read('"Jane Doe\nData Scientist\n\nSkills\nPython"', opts);
    expect(p.contact.name).toBe("Jane Doe");
    expect(p.headline).toBe("Data Scientist");
  });

  it("keeps an apostrophe in an email address, where it had cut off the start", () => {
    const p = read("Romeo O'Connell\nromeo.o'connell@example.com\n\nSkills\nPython", opts);
    expect(p.contact.email).toBe("romeo.o'connell@example.com");
  });

  it("is none when the header names no one (an anonymised export)", () => {
    expect(nameOf("Skill Details\nEducation Details\nJava Developer")).toBeNull();
  });
});

describe("the headline in a resume's header", () => {
  const opts = { now: "2026-11", format: "text" } as const;
  const headlineOf = (header: string) => read(`${header}\n\nSkills\nPython`, opts).headline;

  it.each([
    "Jane Doe\n12 Main St, Springfield, IL",
    "Jane Doe\nSpringfield, IL 62701",
    "Jane Doe\nPersonal Information",
    "Jane Doe\nPhone: 555-0100 | Email on request",
    "Jane Doe\nWilling to relocate to: Anywhere",
  ])("is none when the header holds no professional title, in %j", (header) => {
    // The line after the name had been taken whatever it said: an address, a label, a contact line.
    expect(headlineOf(header)).toBeNull();
  });

  it.each([
    ["Jane Doe\n12 Main St, Springfield, IL\nSenior Data Scientist", "Senior Data Scientist"],
    ["Jane Doe\nPersonal Information\nML engineer focused on NLP", "ML engineer focused on NLP"],
    ["Jane Doe\nComputer Science Graduate, Machine Learning", "Computer Science Graduate, Machine Learning"],
  ])("is the title or summary line, past addresses and labels, in %j", (header, headline) => {
    expect(headlineOf(header)).toBe(headline);
  });

  it.each([
    "Jane Doe\nExperienced Product Manager with a\nbackground in retail analytics",
    "Jane Doe\nData Scientist and\nstatistician",
    "Jane Doe\nSenior Analyst focused on pricing for the\nretail sector",
    "Jane Doe\nMachine learning engineer building search,\nranking and ads",
  ])("is no line cut mid-sentence, in %j", (header) => {
    // The summary's first line, wrapped, had been the headline: "...Manager with a".
    expect(headlineOf(header)).toBeNull();
  });

  it("is a JSON Resume's label as written, title or not", () => {
    const text = jsonResumeToText({ basics: { name: "Sam Lee", label: "Helping teams ship models" } });
    expect(read(text, { now: "2026-11", format: "jsonresume" }).headline).toBe("Helping teams ship models");
  });
});

describe("contact details wrapped across lines", () => {
  it("reads an address whole where a narrow column wrapped it", () => {
    // A PDF's column had cut them: 'doe.example.com', 'linkedin.com/in/jane-', 'jane@example.co'.
    const p = read(
      [
        "Jane Doe",
        "jane@example.co",
        "m",
        "jane-",
        "doe.example.com",
        "linkedin.com/in/jane-",
        "doe-sample",
        "github.com/",
        "janedoe",
        "",
        "Skills",
        "Python",
      ].join("\n"),
      { now: "2026-11", format: "pdf" },
    );
    expect(p.contact.email).toBe("jane@example.com");
    expect(p.contact.links).toEqual(["jane-doe.example.com", "linkedin.com/in/jane-doe-sample", "github.com/janedoe"]);
  });
});

describe("findPhone", () => {
  it.each([
    "2019-2023",
    "2019 - 2023",
    "2019–2023",
    "03/2018 - 06/2020",
    "2018-2020",
    "2019",
    "DOB 27.01.1990",
    "2018-06 - 2020-08",
    "Buffalo, NY 14260-7015",
    "I average 500-1000 calls a year",
    "2015    31",
  ])("finds no phone in %j", (text) => {
    expect(findPhone(text)).toBeNull();
  });

  it.each([
    ["Phone: (123) 345-7890", "(123) 345-7890"],
    ["+44 20 7946 0958", "+44 20 7946 0958"],
    ["Mob: +91-9876543210", "+91-9876543210"],
    ["Tel 06.61.33.91.80", "06.61.33.91.80"],
    ["Paris 75019\n+33 6 58 87 40 75", "+33 6 58 87 40 75"],
    ["Worked 2019-2023 | 0044 (0) 1236 456789", "0044 (0) 1236 456789"],
    ["Chicago \\xa2 123-3456-7890", "123-3456-7890"],
  ])("finds the phone in %j", (text, phone) => {
    expect(findPhone(text)).toBe(phone);
  });

  it("reads no phone from a job's years in the header", () => {
    const p = readText("Jane Doe\nPython developer 2019-2023\njane@example.com\n\nSkills\nPython");
    expect(p.contact.phone).toBeNull();
    expect(p.headline).toBe("Python developer 2019-2023");
  });
});

describe("findLinks", () => {
  it("reads a 200 KB line of dashed or dotted words in linear time", () => {
    // Tried from every word of the run, the pattern had scanned the rest of it each time: two
    // minutes for these. The bound is loose: it tells linear from quadratic on a slow machine.
    const started = performance.now();
    expect(findLinks("a-".repeat(100_000))).toEqual([]);
    // No label of a domain is longer than 63 characters.
    expect(findLinks(`${"ab-".repeat(70_000)}.com`)).toEqual([]);
    // A name of more than eight labels is no one's site: its last eight are read.
    expect(findLinks(`${"a.".repeat(100_000)}com`)).toEqual([`${"a.".repeat(8)}com`]);
    const p = readText(`Jane Doe\n${"a-".repeat(100_000)}\n\nSkills\nPython`);
    expect(p.contact.links).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe("findEmail", () => {
  it("finds the address around the first '@' that has one", () => {
    expect(findEmail("@home | Email: jane.o'neil+cv@mail.example.co.uk.")).toBe("jane.o'neil+cv@mail.example.co.uk");
    expect(findEmail("no address here")).toBeNull();
  });

  it("reads a 200 KB word with no '@' in well under a second", () => {
    // Tried from every character, the pattern had taken minutes on it.
    const started = performance.now();
    expect(findEmail(`${"a".repeat(200_000)} ${"a'".repeat(100_000)}`)).toBeNull();
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
