import { api, toSearch, type Query } from './http';

// The 统计 and 履职档案 side of docs/workbench-api.md (GET /api/records/…): types as the server sends them.

/** `num / den`, and the percentage exactly as the server rounds it (null over nothing). */
export interface Ratio {
  num: number;
  den: number;
  percent: string | null;
}

export const RATE_KEYS = ['response', 'onTime', 'resolution', 'satisfaction', 'participation'] as const;
export type RateKey = (typeof RATE_KEYS)[number];
export type RateSet = Record<Exclude<RateKey, 'participation'>, Ratio> & { participation?: Ratio };

export interface PeriodInfo {
  key: string;
  kind: string;
  from: string;
  to: string;
}

export interface RatesBody {
  period: PeriodInfo;
  overall: RateSet;
  bySector: Array<{ name: string; rates: RateSet }>;
  byCommunity: Array<{ name: string; rates: RateSet }>;
  byMember: Array<{ id: string; name: string; sector: string; rates: RateSet }>;
}

export interface WeeklyBody {
  period: PeriodInfo;
  weeks: Array<PeriodInfo & { rates: RateSet }>;
}

export interface MemberSummary {
  shifts: number;
  filed: number;
  accepted: number;
  resolved: number;
  onTime: number;
  onSpot: number;
  events: number;
  proposals: number;
  cosigned: number;
  satisfaction: Ratio;
}

export interface MemberRecordBody {
  member: { id: string; name: string; sector: string; role: string; active: boolean };
  period: PeriodInfo;
  summary: MemberSummary;
  rates: RateSet;
  text: string;
}

/** What the period picker chose: a word (本月, 2026-11…) or two Beijing dates. */
export type PeriodChoice = { period: string } | { from: string; to: string };

export const periodQuery = (choice: PeriodChoice): Query => ({ ...choice });

export const getRates = (choice: PeriodChoice) => api.get<RatesBody>('/api/records/rates', periodQuery(choice));
export const getWeekly = (choice: PeriodChoice) => api.get<WeeklyBody>('/api/records/rates/weekly', periodQuery(choice));
export const getMemberRecord = (id: string, choice: PeriodChoice) =>
  api.get<MemberRecordBody>(`/api/records/members/${encodeURIComponent(id)}`, periodQuery(choice));

/** The server's XLSX export of one view (the browser sends the session cookie with the download). */
/** 述职表 (Word) of one member for a year: staff for anyone, a member for themselves. */
export function annualReportUrl(memberId: string, year: number): string {
  return `/api/records/members/${encodeURIComponent(memberId)}/annual-report.docx?year=${year}`;
}

/** The office's summary of all members for a year (Word). */
export function annualSummaryUrl(year: number): string {
  return `/api/records/annual-summary.docx?year=${year}`;
}

/** This year in Beijing (the reports' years are Beijing years). */
export function beijingYearNow(now: Date = new Date()): number {
  return new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
}

export function exportUrl(file: 'rates' | 'records', choice: PeriodChoice, extra: Query = {}): string {
  return `/api/export/${file}.xlsx${toSearch({ ...periodQuery(choice), ...extra })}`;
}
