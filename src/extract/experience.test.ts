import { describe, expect, it } from "vitest";
import { extractMinYears } from "./experience.js";

describe("extractMinYears", () => {
  it.each([
    ["3+ years of experience in machine learning", 3],
    ["At least five years of professional experience", 5],
    ["3-5 yrs experience with Python", 3],
    ["3 to 5 years of industry experience", 3],
    ["Five (5) years of experience developing models", 5],
    ["Minimum of 2 years' experience", 2],
    ["You have 4+ years building data pipelines", 4],
    ["2+ years for PhD, 5+ years for MS candidates of experience", 2],
    ["Experience: 7+ years", 7],
    ["requires 1 year of hands-on experience", 1],
    ["Requirements\n- 5+ years of experience with Python", 5],
    ["5+ years with Airflow, dbt and SQL.", 5],
    ["3 years using PyTorch in production", 3],
    ["2-3+ Experience working as an ML Engineer", 2],
    ["Industry experience (2+ for Ph.D. and 5+ for M.S preferred).", 2],
    ["5+ industry experience with Spark", 5],
    // Each read as no ask before: "in business" taken for a company's age, "as an" not read as
    // experience, a number word glued to the heading before it.
    ["required 2-5 years of experience in business optimization", 2],
    ["4-6 years as an individual contributor performing quantitative analysis", 4],
    ["Minimum QualificationsTwo years data analyst experienceGeneral knowledge", 2],
  ])("reads %s", (text, years) => {
    expect(extractMinYears(text)).toBe(years);
  });

  it("ignores years that are not an experience requirement", () => {
    for (const text of [
      "Founded 20 years ago, we are a leader",
      "A 4-year degree in computer science",
      "We have been in business for 30 years.",
      "Vesting over 4 years",
      "Experience with C++ and 3D graphics",
      "5+ months of experience or relevant coursework",
      "25 years of innovation The Computer Vision Group at MERL conducts research with partners",
      "With more than 25 years of excellence, the lab gives researchers freedom",
      "Developing a new drug can take over $1B and 15 years, with over 99% of drugs failing",
      "the team has spent the last 5+ years researching how we can combine AI with biology",
      "With only two years after our product launch, we already have many customers",
      "three years' experience credit for Master's degree; five years' experience credit for a Ph.D",
      "junior scientists are provided with extensive mentoring and three years of full support",
      "Able to commit to work for FDM for a minimum of two years working as a consultant",
      "",
    ]) {
      expect(extractMinYears(text), text).toBeNull();
    }
  });

  it("reads 'or more' and numbers glued to the word before them by lost line breaks", () => {
    expect(extractMinYears("a four-year college degree and 5 or more years of development experience")).toBe(5);
    expect(extractMinYears("Qualifications5+ years experience as an analyst")).toBe(5);
    expect(extractMinYears("Having 4yrs. of solid work experience in design")).toBe(4);
    expect(extractMinYears("5years experience with Python")).toBe(5);
    expect(extractMinYears("Experience5years of experience with SQL")).toBe(5);
    // A unit glued to a letter is part of a word.
    expect(extractMinYears("Located at 12 Ayers St, 3 years of experience")).toBe(3);
    expect(extractMinYears("12 Ayears St")).toBeNull();
    expect(extractMinYears("experience in a corporate setting3- 5 years of experience with Excel")).toBe(3);
  });

  it("skips years that stand in for a degree, and reads the line under an Experience heading", () => {
    expect(
      extractMinYears(
        "Degree required (10 years of additional relevant experience may be substituted for education) 5+ years' relevant experience as a data engineer",
      ),
    ).toBe(5);
    expect(
      extractMinYears(
        "Bachelor's degree in Supply Chain and/or 5 years equivalent work experience preferred. Minimum 3 years' experience in the industry",
      ),
    ).toBe(3);
    expect(extractMinYears("Required Experience:\n\nMS + 2 years\n\nBS + 5 years")).toBe(2);
  });

  it("skips years that open a higher grade, and reads years a title states first", () => {
    expect(
      extractMinYears(
        "PhD in computer vision. Candidates with at least 5 years of experience will be considered for senior positions.",
      ),
    ).toBeNull();
    expect(extractMinYears("3+ years of experience; 6+ years qualifies for the Senior level.")).toBe(3);
    const text = "Have 5+ years of programming experience; 3+ years of experience in modelling.";
    expect(extractMinYears(text, "Principal Data Scientist with over 10 years experience")).toBe(10);
    expect(extractMinYears(text, "Java Developer (8+ yrs)")).toBe(8);
    expect(extractMinYears(text, "Data Scientist")).toBe(5);
    expect(extractMinYears(text, "Engineer - a 4-year degree program")).toBe(5);
    expect(extractMinYears(text, "Sr. Python Developer -- 1+ year contract -- Tempe, AZ")).toBe(5);
  });

  it("skips company records and visions, and reads development and business-analytics years", () => {
    expect(
      extractMinYears(
        "Voted 10 years in a row a top place to work. Required: 3+ years of Software Engineering experience",
      ),
    ).toBe(3);
    expect(
      extractMinYears(
        "Degree from a 4 year school or 3+ years software development experience. Named top workplace nine years in a row.",
      ),
    ).toBe(3);
    expect(extractMinYears("Skills Needed:\n- 5+ years AI/deep learning development for medical products")).toBe(5);
    expect(extractMinYears("2 years of experience in business data analytics, database management")).toBe(2);
    expect(extractMinYears("We have been in business for 30 years.")).toBeNull();
    expect(
      extractMinYears("contribute to our overall 3-5 year vision to improve our clinical development strategy"),
    ).toBeNull();
    expect(extractMinYears("8&plus; years of Experience in Python")).toBe(8);
  });

  it("reads overall years first and a higher degree's lower alternative", () => {
    expect(
      extractMinYears(
        "* 2+ years of experience with Cloud Engineering\nExperience Required\nmin 6+ years of overall experience",
      ),
    ).toBe(6);
    expect(
      extractMinYears("2+ years of experience as a data scientist with at least 5 years of total experience"),
    ).toBe(5);
    expect(
      extractMinYears(
        "At least 3 years of experience developing ML applications.\n* 6+ years overall experience developing ML",
      ),
    ).toBe(3);
    expect(
      extractMinYears(
        "Minimum 5 years (with M.S. degree) or 3 years (with PhD) of industry experience in data science",
      ),
    ).toBe(3);
    expect(extractMinYears("You have 6+ years of relevant experience or 3+ yrs with a PhD in a relevant domain")).toBe(
      3,
    );
    expect(extractMinYears("5+ years of experience or 3 years of Python; 2 years with Spark")).toBe(5);
  });
});
