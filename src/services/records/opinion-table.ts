import { formatBeijingDateTime } from '../../core/dates.js';
import type { Messages } from '../../i18n/messages.js';
import type { OpinionFact } from './activity-records.js';
import type { Table } from './exports.js';

/** What one row of the opinions export shows of an opinion (a fact, or a record with its +1s counted). */
export type OpinionRowSource = Pick<
  OpinionFact,
  | 'number'
  | 'state'
  | 'community'
  | 'category'
  | 'grade'
  | 'handlerId'
  | 'createdAt'
  | 'acceptedAt'
  | 'deadline'
  | 'resolvedAt'
  | 'rating'
  | 'plusOnes'
>;

/** The texts the privacy gate lets an export show (PrivacyGate.forExport), row by row. */
export interface OpinionRowTexts {
  content: string;
  result: string;
  ratingReason: string;
  reopenReason: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const when = (date: Date | undefined) => (date ? formatBeijingDateTime(date) : '');

/**
 * The opinions export as people read it — states, grades and ratings in the configured language,
 * times in Beijing time — the one formatter of the API's `/api/export/opinions.*` and `yishi export opinions`.
 */
export function opinionTable(
  t: Messages,
  opinions: readonly OpinionRowSource[],
  texts: readonly OpinionRowTexts[],
  handlerName: (memberId: string) => string | undefined,
): Table {
  const rows = opinions.map((o, i) => [
    o.number,
    when(o.createdAt),
    t.opinions.states[o.state] ?? o.state,
    o.community ?? '',
    o.category ?? '',
    o.grade ? (t.opinions.grades[o.grade] ?? o.grade) : '',
    o.handlerId ? (handlerName(o.handlerId) ?? '') : '',
    when(o.acceptedAt),
    o.acceptedAt && o.acceptedAt.getTime() - o.createdAt.getTime() <= DAY_MS ? t.records.export.yes : t.records.export.no,
    when(o.deadline),
    when(o.resolvedAt),
    o.rating ? (t.opinions.ratings[o.rating] ?? o.rating) : '',
    o.plusOnes,
    texts[i]!.content,
    texts[i]!.result,
    texts[i]!.ratingReason,
    texts[i]!.reopenReason,
  ]);
  return { sheet: t.records.export.sheets.opinions, header: t.records.export.opinions, rows };
}
