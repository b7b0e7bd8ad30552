import type { ChartOption } from "./chart.js";

/** The most of a chart's width the names on its category axis may take; past it they end in "...". */
export const LABEL_SHARE = 0.4;

type Axis = Record<string, unknown> & { type?: string; axisLabel?: Record<string, unknown> };

function fitAxis(axis: Axis, cap: number): Axis {
  const label = axis.axisLabel ?? {};
  if (axis.type === "category") {
    const asked = typeof label.width === "number" ? label.width : cap;
    return { ...axis, axisLabel: { ...label, width: Math.min(asked, cap), overflow: label.overflow ?? "truncate" } };
  }
  return { ...axis, axisLabel: { ...label, hideOverlap: true } };
}

/**
 * A chart's option fitted to a box `width` px wide: names on a category axis take at most
 * LABEL_SHARE of it, cut with "..." (the tooltips say them whole), and a value axis leaves out the
 * labels that would overlap. On a 390 px phone, role and level names had squeezed the salary
 * boxes into 20 px, and the amounts under them were printed over one another.
 */
export function fitToWidth(option: ChartOption, width: number): ChartOption {
  const cap = Math.max(60, Math.floor(width * LABEL_SHARE));
  const fitAxes = (axes: unknown) =>
    axes === undefined
      ? undefined
      : Array.isArray(axes)
        ? axes.map((a: Axis) => fitAxis(a, cap))
        : fitAxis(axes as Axis, cap);
  const fitted = { ...option } as Record<string, unknown>;
  if (option.xAxis !== undefined) fitted.xAxis = fitAxes(option.xAxis);
  if (option.yAxis !== undefined) fitted.yAxis = fitAxes(option.yAxis);
  return fitted as ChartOption;
}
