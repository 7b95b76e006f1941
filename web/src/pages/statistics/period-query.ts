import type { LocationQuery } from 'vue-router';
import type { PeriodChoice } from '../../api/statistics';

const first = (value: LocationQuery[string]) => (Array.isArray(value) ? value[0] : value) ?? undefined;

/** The period in the address (`?period=本月` or `?from=…&to=…`), so a view can be shared and reloaded; 本月 by default. */
export function choiceFromQuery(query: LocationQuery): PeriodChoice {
  const period = first(query.period);
  const from = first(query.from);
  const to = first(query.to);
  if (period) return { period };
  if (from && to) return { from, to };
  return { period: '本月' };
}

export const queryOfChoice = (choice: PeriodChoice): Record<string, string> => ({ ...choice });
