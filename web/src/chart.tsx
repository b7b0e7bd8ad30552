import {
  BarChart,
  type BarSeriesOption,
  BoxplotChart,
  type BoxplotSeriesOption,
  ScatterChart,
  type ScatterSeriesOption,
} from "echarts/charts";
import {
  GridComponent,
  type GridComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from "echarts/components";
import { type ComposeOption, init, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useCallback, useEffect, useRef } from "react";
import { fitToWidth } from "./chart-fit.js";
import type { NumberTable } from "./chart-table.js";

// Only what the Market page draws, so the bundle carries three chart types, not forty.
use([BarChart, BoxplotChart, ScatterChart, GridComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | BoxplotSeriesOption | ScatterSeriesOption | GridComponentOption | TooltipComponentOption
>;

/** Tooltips drawn on the canvas (richText), not as HTML: no markup from data, nothing for the CSP to refuse. */
export const TOOLTIP = { renderMode: "richText", confine: true } as const;

export const PALETTE = { primary: "#4f46e5", soft: "#c7d2fe", good: "#059669", text: "#1f2937", grid: "#e5e7eb" };

/**
 * One ECharts canvas that follows its option and its box's size; `label` describes it to screen
 * readers. The option is fitted to the box's width (chart-fit.ts), again when the width changes.
 */
export function Chart({ option, height, label }: { option: ChartOption; height: number; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  const latest = useRef(option);
  const drawnWidth = useRef(0);
  const draw = useCallback((force: boolean) => {
    const c = chart.current;
    const width = box.current?.clientWidth ?? 0;
    if (!c) return;
    if (force || width !== drawnWidth.current) c.setOption(fitToWidth(latest.current, width), true);
    drawnWidth.current = width;
  }, []);
  useEffect(() => {
    if (!box.current) return;
    const c = init(box.current, undefined, { renderer: "canvas" });
    chart.current = c;
    const resize = new ResizeObserver(() => {
      c.resize();
      draw(false);
    });
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [draw]);
  useEffect(() => {
    latest.current = option;
    draw(true);
  }, [option, draw]);
  return <div ref={box} className="chart" role="img" aria-label={label} style={{ height }} />;
}

/**
 * A chart's numbers as text below it, folded away: its canvas tooltips had been the only place
 * they were written, out of reach of the keyboard and of screen readers.
 */
export function ChartNumbers({ table }: { table: NumberTable }) {
  return (
    <details className="chart-numbers">
      <summary>The numbers</summary>
      <table className="table" aria-label={table.label}>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.key}>
              {r.cells.map((c, i) =>
                i === 0 ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells are its columns, in order
                  <th key={i} scope="row">
                    {c}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells are its columns, in order
                  <td key={i}>{c}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
