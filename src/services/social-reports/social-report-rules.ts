import type { Messages } from '../../i18n/messages.js';
import {
  SOCIAL_REPORT_LEVELS,
  type SocialReportLevel,
  type SocialReportRecord,
  type SocialReportState,
  type SocialReportText,
} from './social-report-records.js';

/** A report is at most this many characters, title and the three parts together (offices' usual limit). */
export const MAX_REPORT_CHARS = 1500;
/** The title alone: one line. */
export const MAX_TITLE_CHARS = 60;

/**
 * Where a report stands, as people read it: 已报送, 已编发, 已上报市政协, 已被市政协采用, 未采用 (the
 * service's list and export, the 述职表).
 */
export function reportStateWords(t: Messages['socialReports'], report: Pick<SocialReportRecord, 'state' | 'level'>): string {
  if (report.state === 'submitted') return t.states.submitted;
  return t.stepWords[report.state](report.level ? t.levels[report.level] : '');
}

/** Characters as people count them: every character but spaces and line breaks. */
export function reportLength(text: SocialReportText): number {
  return [...`${text.title}${text.situation}${text.analysis}${text.suggestions}`.replace(/\s/g, '')].length;
}

/** The steps staff may take from each state (edits of the text are allowed while 已报送 or 已编发). */
export const NEXT_STATES: Readonly<Record<SocialReportState, readonly SocialReportState[]>> = {
  submitted: ['edited', 'not-adopted'],
  edited: ['forwarded', 'adopted', 'not-adopted'],
  forwarded: ['forwarded', 'adopted', 'not-adopted'],
  adopted: [],
  'not-adopted': [],
};

export const EDITABLE_STATES: readonly SocialReportState[] = ['submitted', 'edited'];

const levelRank = (level: SocialReportLevel) => SOCIAL_REPORT_LEVELS.indexOf(level);

/** Why a step is not allowed, or null when it is. */
export type StepProblem = 'final' | 'not-next' | 'level-needed' | 'level-not-higher' | 'level-above-forwarded' | 'reason-needed';

/**
 * Checks one step: forwarding and adoption name a level; forwarding again goes higher; a report is
 * adopted at most by the committee it reached (区 always); 未采用 says why.
 */
export function stepProblem(
  from: SocialReportState,
  to: SocialReportState,
  current: SocialReportLevel | undefined,
  level: SocialReportLevel | undefined,
  note: string,
): StepProblem | null {
  if (NEXT_STATES[from].length === 0) return 'final';
  if (!NEXT_STATES[from].includes(to)) return 'not-next';
  if (to === 'forwarded' || to === 'adopted') {
    if (!level) return 'level-needed';
    if (to === 'forwarded' && current && levelRank(level) <= levelRank(current)) return 'level-not-higher';
    if (to === 'adopted' && level !== 'district' && levelRank(level) > levelRank(current ?? 'district')) return 'level-above-forwarded';
  }
  if (to === 'not-adopted' && !note.trim()) return 'reason-needed';
  return null;
}

const STATE_WORDS: ReadonlyArray<readonly [SocialReportState, readonly string[]]> = [
  ['edited', ['已编发', '编发']],
  ['forwarded', ['已上报', '上报', '报送上级']],
  ['adopted', ['已采用', '采用', '被采用']],
  ['not-adopted', ['未采用', '不采用', '不予采用']],
];

/** The step a word names (已编发, 上报, 已采用, 未采用…), or null. */
export function readStateWord(word: string): SocialReportState | null {
  const text = word.trim();
  return STATE_WORDS.find(([, words]) => words.includes(text))?.[0] ?? null;
}

const LEVEL_WORDS: ReadonlyArray<readonly [SocialReportLevel, readonly string[]]> = [
  ['district', ['区', '区级', '区政协', '县', '县级', '县政协']],
  ['city', ['市', '市级', '市政协']],
  ['province', ['省', '省级', '省政协']],
  ['national', ['全国', '全国政协', '国家']],
];

/** The committee a word names (区, 市政协, 省级, 全国…), or null. */
export function readLevelWord(word: string): SocialReportLevel | null {
  const text = word.trim();
  return LEVEL_WORDS.find(([, words]) => words.includes(text))?.[0] ?? null;
}
