import { describe, expect, it } from "vitest";
import type { ChartOption } from "./chart.js";
import { fitToWidth } from "./chart-fit.js";

const salaryChart: ChartOption = {
  xAxis: { type: "value", name: "USD" },
  yAxis: { type: "category", data: ["AI Ethics and Policy Analyst · mid (1)"], axisTick: { show: false } },
  series: [{ type: "boxplot", data: [[1, 2, 3, 4, 5]] }],
};

describe("fitToWidth", () => {
  it("leaves a phone's chart most of its width for the data: the names take at most 40%", () => {
    const fitted = fitToWidth(salaryChart, 316) as { yAxis: { axisLabel: { width: number; overflow: string } } };
    expect(fitted.yAxis.axisLabel).toEqual({ width: 126, overflow: "truncate" });
    expect(fitted.yAxis).toMatchObject({ type: "category", axisTick: { show: false } });
  });

  it("keeps a narrower width a chart asks for, and leaves out overlapping amounts", () => {
    const industries: ChartOption = {
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", axisLabel: { width: 220, overflow: "truncate" } },
    };
    const wide = fitToWidth(industries, 1000) as {
      xAxis: { axisLabel: { hideOverlap: boolean }; minInterval: number };
      yAxis: { axisLabel: { width: number } };
    };
    expect(wide.yAxis.axisLabel.width).toBe(220);
    expect(wide.xAxis).toEqual({ type: "value", minInterval: 1, axisLabel: { hideOverlap: true } });
    expect((fitToWidth(industries, 316) as typeof wide).yAxis.axisLabel.width).toBe(126);
  });

  it("changes nothing else", () => {
    const fitted = fitToWidth(salaryChart, 316);
    expect(fitted.series).toBe(salaryChart.series);
    expect(salaryChart.yAxis).toEqual({
      type: "category",
      data: ["AI Ethics and Policy Analyst · mid (1)"],
      axisTick: { show: false },
    });
  });
});
