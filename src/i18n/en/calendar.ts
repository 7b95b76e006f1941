import type { calendarZh } from '../zh-CN/calendar.js';

export const calendarEn: typeof calendarZh = {
  reasons: {
    'office-holiday': 'office day off',
    'office-workday': 'office working day',
    'official-holiday': 'public holiday',
    'official-workday': 'official make-up working day',
    weekend: 'weekend',
    weekday: 'working day',
  },
  nextYearUnknown: (year) =>
    `Working calendar: the calendar data has no public holidays or make-up working days for ${year} yet. Until it does, time limits and the roster in ${year} count weekends only, and New Year or the Spring Festival count as working days.\n` +
    `Please update the chinese-days package (npm update chinese-days) and redeploy, or, once the State Council has announced them, enter ${year}'s days off and make-up days with PUT /api/settings/calendar or "yishi calendar set".`,
  errors: {
    badDate: (value) => `"${value}" is not a valid date; write it like 2027-01-01.`,
    twice: (date) => `${date} is listed twice; keep one entry (day off or working day).`,
    badHours: 'The office must open before it closes, as HH:MM, e.g. 08:30 and 17:30.',
  },
};
