/** Dates as people in the committee read them: Beijing time, whatever the browser's own zone. */
const BEIJING = 'Asia/Shanghai';

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: BEIJING,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const dateOnly = new Intl.DateTimeFormat('zh-CN', { timeZone: BEIJING, year: 'numeric', month: '2-digit', day: '2-digit' });

function parts(format: Intl.DateTimeFormat, value: Date): Record<string, string> {
  return Object.fromEntries(format.formatToParts(value).map((part) => [part.type, part.value]));
}

/** `2026-12-02 14:46` in Beijing time; '' for nothing. */
export function beijingDateTime(value: string | Date | undefined | null): string {
  if (!value) return '';
  const p = parts(dateTime, new Date(value));
  return `${p.year}-${p.month}-${p.day} ${p.hour === '24' ? '00' : p.hour}:${p.minute}`;
}

/** `2026-12-02` in Beijing time. */
export function beijingDate(value: string | Date | undefined | null): string {
  if (!value) return '';
  const p = parts(dateOnly, new Date(value));
  return `${p.year}-${p.month}-${p.day}`;
}
