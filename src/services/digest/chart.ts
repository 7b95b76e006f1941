import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

/** The chart's size in pixels. */
export const CHART_SIZE = { width: 800, height: 640 } as const;

/** Where Debian's fonts-wqy-microhei puts its font (CJK glyphs for the Chinese labels). */
export const DEFAULT_CHART_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

export interface ChartInput {
  statesTitle: string;
  /** Bars: opinions by state. */
  states: Array<{ label: string; count: number }>;
  ratesTitle: string;
  /** Lines: one series per rate, a value (0–100) or null per week. */
  weekLabels: string[];
  series: Array<{ name: string; values: Array<number | null> }>;
}

const BAR_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f'];
const LINE_COLOURS = ['#1f77b4', '#2ca02c', '#d62728', '#9467bd', '#ff7f0e'];

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${x}" y="${y}" ${attrs}>${escape(content)}</text>`;
}

function bars(input: ChartInput, top: number, height: number): string[] {
  const { width } = CHART_SIZE;
  const left = 60;
  const plotWidth = width - left - 30;
  const max = Math.max(1, ...input.states.map((s) => s.count));
  const slot = plotWidth / Math.max(1, input.states.length);
  const base = top + height - 40;
  const plotHeight = height - 90;
  const parts = [
    text(width / 2, top + 28, input.statesTitle, 'font-size="20" text-anchor="middle" font-weight="bold"'),
    `<line x1="${left}" y1="${base}" x2="${width - 30}" y2="${base}" stroke="#333" stroke-width="1"/>`,
  ];
  input.states.forEach((state, index) => {
    const barHeight = (state.count / max) * plotHeight;
    const x = left + index * slot + slot * 0.15;
    const barWidth = slot * 0.7;
    parts.push(
      `<rect x="${x.toFixed(1)}" y="${(base - barHeight).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${barHeight.toFixed(1)}" fill="${BAR_COLOURS[index % BAR_COLOURS.length]}"/>`,
    );
    parts.push(text(x + barWidth / 2, base - barHeight - 6, String(state.count), 'font-size="14" text-anchor="middle"'));
    parts.push(text(x + barWidth / 2, base + 20, state.label, 'font-size="13" text-anchor="middle"'));
  });
  return parts;
}

function lines(input: ChartInput, top: number, height: number): string[] {
  const { width } = CHART_SIZE;
  const left = 60;
  const right = width - 150;
  const base = top + height - 40;
  const plotTop = top + 50;
  const y = (value: number) => base - (value / 100) * (base - plotTop);
  const step = (right - left) / Math.max(1, input.weekLabels.length - 1);
  const parts = [text(width / 2, top + 28, input.ratesTitle, 'font-size="20" text-anchor="middle" font-weight="bold"')];
  for (const tick of [0, 25, 50, 75, 100]) {
    parts.push(`<line x1="${left}" y1="${y(tick)}" x2="${right}" y2="${y(tick)}" stroke="#ddd" stroke-width="1"/>`);
    parts.push(text(left - 8, y(tick) + 5, String(tick), 'font-size="12" text-anchor="end"'));
  }
  input.weekLabels.forEach((label, index) =>
    parts.push(text(left + index * step, base + 20, label, 'font-size="12" text-anchor="middle"')),
  );
  input.series.forEach((series, index) => {
    const colour = LINE_COLOURS[index % LINE_COLOURS.length]!;
    const points = series.values.map((value, i) => (value === null ? null : `${(left + i * step).toFixed(1)},${y(value).toFixed(1)}`));
    // A week without data breaks the line instead of drawing it through zero.
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) parts.push(`<polyline points="${run.join(' ')}" fill="none" stroke="${colour}" stroke-width="3"/>`);
      run = [];
    };
    for (const point of points) {
      if (point === null) flush();
      else {
        run.push(point);
        const [cx, cy] = point.split(',');
        parts.push(`<circle cx="${cx}" cy="${cy}" r="4" fill="${colour}"/>`);
      }
    }
    flush();
    const legendY = plotTop + index * 26;
    parts.push(`<rect x="${right + 15}" y="${legendY - 12}" width="16" height="16" fill="${colour}"/>`);
    parts.push(text(right + 38, legendY + 1, series.name, 'font-size="14"'));
  });
  return parts;
}

/** The chart as SVG (two panels: opinions by state, rates over recent weeks). */
export function chartSvg(input: ChartInput, fontFamily: string): string {
  const { width, height } = CHART_SIZE;
  const half = height / 2;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escape(fontFamily)}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...bars(input, 0, half),
    `<line x1="20" y1="${half}" x2="${width - 20}" y2="${half}" stroke="#bbb" stroke-width="1"/>`,
    ...lines(input, half, half),
    '</svg>',
  ].join('\n');
}

/**
 * Renders the digest chart to PNG with resvg (no browser, no native build: its binaries ship as
 * npm packages). Chinese labels need a CJK font: `fontFile` (default {@link DEFAULT_CHART_FONT});
 * when it is missing, the system fonts are tried.
 */
export function renderChartPng(input: ChartInput, fontFile: string = DEFAULT_CHART_FONT): Buffer {
  const haveFont = existsSync(fontFile);
  const family = 'WenQuanYi Micro Hei';
  const resvg = new Resvg(chartSvg(input, family), {
    fitTo: { mode: 'original' },
    font: haveFont ? { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: family } : { loadSystemFonts: true },
  });
  return resvg.render().asPng();
}
