import type { RateKey, RateSet, Ratio, WeeklyBody } from '../../api/statistics';
import type { ChartOption } from './echarts-setup';
import { RATE_LABELS, S } from './strings';

/** A rate as a number for a chart: the server's rounded percentage (so the chart says what the table says). */
export const percentValue = (ratio: Ratio | undefined): number | null => (ratio?.percent ? Number.parseFloat(ratio.percent) : null);

const TREND_KEYS: RateKey[] = ['response', 'onTime', 'resolution', 'satisfaction', 'participation'];

/** `11-02~11-08` for a week of the trend. */
export const weekLabel = (week: { from: string; to: string }) => `${week.from.slice(5)}~${week.to.slice(5)}`;

/** The five rates, week by week, as lines (a week with nothing to count leaves a gap). */
export function trendOption(weekly: WeeklyBody): ChartOption {
  return {
    title: { text: S.trendChart, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', valueFormatter: (value) => (value === null || value === undefined ? S.noRate : `${String(value)}%`) },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 40, right: 16, top: 40, bottom: 56 },
    xAxis: { type: 'category', data: weekly.weeks.map(weekLabel) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: TREND_KEYS.map((key) => ({
      name: RATE_LABELS[key],
      type: 'line' as const,
      connectNulls: false,
      data: weekly.weeks.map((week) => percentValue(week.rates[key])),
    })),
  };
}

/** The groups ranked by one rate, best first (groups with nothing to count are left out). */
export function rankingOption(scope: string, rows: Array<{ name: string; rates: RateSet }>, key: RateKey): ChartOption {
  const ranked = rows
    .map((row) => ({ name: row.name, value: percentValue(row.rates[key]) }))
    .filter((row): row is { name: string; value: number } => row.value !== null)
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, 'zh-CN'));
  // ECharts draws a category axis bottom-up: reverse so the best stands at the top.
  const shown = [...ranked].reverse();
  return {
    title: { text: S.rankingChart(scope, RATE_LABELS[key]), left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', valueFormatter: (value) => `${String(value)}%` },
    grid: { left: 8, right: 40, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: shown.map((row) => row.name) },
    series: [{ type: 'bar', data: shown.map((row) => row.value), label: { show: true, position: 'right', formatter: '{c}%' } }],
  };
}

/** Height for a ranking of `count` bars: every name readable. */
export const rankingHeight = (count: number) => Math.max(160, 60 + count * 28);
