import { describe, expect, it } from "vitest";
import { layoutPage, type TextRun } from "./pdf-layout.js";

/** One run per line, 5 pt a character in 10 pt type, as a browser prints a resume. */
const run = (text: string, x: number, y: number, font = "regular", size = 10): TextRun => ({
  text,
  x,
  y,
  width: text.length * size * 0.5,
  size,
  font,
});

/** Lines 13.5 pt apart (a 1.35 line height) from y = 700 down, all at x. */
const column = (x: number, lines: (string | [string, string])[], from = 700) =>
  lines.map((l, i) => (typeof l === "string" ? run(l, x, from - 13.5 * i) : run(l[0], x, from - 13.5 * i, l[1])));

describe("layoutPage", () => {
  it("joins a line the column wrapped to the line it continues", () => {
    const { lines } = layoutPage(
      column(50, [
        "Teacher of Mathematics and Second in Department, Kirkgate",
        "Academy",
        ["Sep 2021 - Present", "italic"],
        "Built an Excel tracker that the department uses to plan",
        "interventions after every mock exam",
        "Mentored three trainee teachers",
      ]),
      600,
    );
    expect(lines).toEqual([
      "Teacher of Mathematics and Second in Department, Kirkgate Academy",
      "Sep 2021 - Present",
      "Built an Excel tracker that the department uses to plan interventions after every mock exam",
      // "Mentored" had room at the end of the line above: that line ended by choice.
      "Mentored three trainee teachers",
    ]);
  });

  it("keeps apart lines set further apart than the column's lines are", () => {
    const runs = [
      ...column(50, ["Cleaned and explored the data in pandas and engineered features such as", "family size"]),
      // A list item's spacing above it: a new item, although its first word would not have fitted.
      run("Compared logistic regression, a decision tree and a random forest model", 50, 700 - 13.5 - 15),
    ];
    expect(layoutPage(runs, 600).lines).toEqual([
      "Cleaned and explored the data in pandas and engineered features such as family size",
      "Compared logistic regression, a decision tree and a random forest model",
    ]);
  });

  it("joins a wrapped address without a space where the break fell inside it", () => {
    // A sidebar's contact lines, each its own paragraph (16.5 pt apart), two of them wrapped.
    const runs = [
      run("harriet.okafor@example.co", 50, 700),
      run("m", 50, 686.5),
      run("+44 7700 900418", 50, 670),
      run("linkedin.com/in/harriet-", 50, 653.5),
      run("okafor-sample", 50, 640),
      run("Communication: presenting", 50, 623.5),
      run(", report writing", 50, 610),
    ];
    expect(layoutPage(runs, 600).lines).toEqual([
      "harriet.okafor@example.com",
      "+44 7700 900418",
      "linkedin.com/in/harriet-okafor-sample",
      "Communication: presenting, report writing",
    ]);
  });

  it("reads a headline across both columns first, with the name above it", () => {
    const sidebar = ["harriet.okafor@example.com", ...Array.from({ length: 14 }, (_, i) => `Skill ${i + 1}`)];
    const main = ["Teacher of Mathematics, Kirkgate Academy", ...Array.from({ length: 14 }, (_, i) => `Duty ${i + 1}`)];
    const runs = [
      run("Harriet Okafor", 50, 790, "bold", 20),
      run("Mathematics Teacher moving into Data Analysis", 50, 770, "bold", 11),
      // The sidebar's items each their own paragraph, the main column's lines one paragraph.
      ...sidebar.map((text, i) => run(text, 50, 740 - 16.5 * i)),
      ...column(220, main, 742),
    ];
    const page = layoutPage(runs, 600);
    expect(page.columns).toBe(2);
    expect(page.header).toEqual(["Harriet Okafor", "Mathematics Teacher moving into Data Analysis"]);
    expect(page.lines).toEqual(sidebar);
    expect(page.right).toEqual(main);
  });
});
