import type { Messages } from '../../i18n/messages.js';
import type { PointsSheet } from './points-rules.js';

const REFS_SHOWN = 5;

/** 我的积分: the total, a line per kind with the items behind it, and the yearly minimum. */
export function renderPoints(t: Messages, name: string, period: string, sheet: PointsSheet): string {
  const p = t.points;
  const lines = [p.title(name, period, sheet.total)];
  const earning = sheet.lines.filter((line) => line.count > 0);
  if (earning.length === 0) lines.push(p.none);
  for (const line of earning) {
    lines.push(p.line(p.kinds[line.kind], line.count, line.each, line.points, line.capped));
    const refs = line.items.map((item) => item.ref).filter((ref): ref is string => ref !== undefined);
    if (refs.length > 0) lines.push(p.items(refs.slice(0, REFS_SHOWN), Math.max(0, line.items.length - REFS_SHOWN)));
  }
  if (sheet.minimums.length > 0) {
    lines.push(p.minimumsTitle);
    for (const m of sheet.minimums) lines.push(p.minimum(p.kinds[m.kind], m.count, m.required, m.met));
  }
  lines.push(p.note);
  return lines.join('\n');
}
