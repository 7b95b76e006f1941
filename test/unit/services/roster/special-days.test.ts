import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../../../src/core/official-calendar.js';
import { WorkingCalendar } from '../../../../src/core/working-calendar.js';
import { zhCN } from '../../../../src/i18n/zh-CN.js';
import { showSpecialDays } from '../../../../src/services/roster/format.js';
import { rosterCalendar } from '../../../../src/services/roster/rotation.js';

const typed = zhCN.roster.generate.typedDay;

describe('the special days a roster lists', () => {
  it('joins consecutive days of one standing and names where each came from', () => {
    const calendar = rosterCalendar(new WorkingCalendar(officialCalendar()), { holidays: ['2026-10-09'], workdays: ['2026-10-03'] }, typed);
    expect(showSpecialDays(zhCN, calendar.specialDaysIn('2026-09-30', '2026-10-11'))).toEqual([
      '· 10月1日（周四）至10月2日（周五） 不排班（国庆节·法定节假日）',
      '· 10月3日（周六） 上班（排班时指定）',
      '· 10月4日（周日）至10月7日（周三） 不排班（国庆节·法定节假日）',
      '· 10月9日（周五） 不排班（排班时指定）',
      '· 10月10日（周六） 上班（国庆节·调休上班）',
    ]);
  });

  it('shows an office day without a name by its reason alone', () => {
    const calendar = new WorkingCalendar(officialCalendar(), [{ date: '2026-12-31', working: false }]);
    expect(showSpecialDays(zhCN, calendar.specialDaysIn('2026-12-30', '2027-01-01'))).toEqual([
      '· 12月31日（周四） 不排班（办公室休息日）',
    ]);
  });

  it('lets typed days win over the official calendar', () => {
    const calendar = rosterCalendar(new WorkingCalendar(officialCalendar()), { holidays: ['2026-10-10'], workdays: ['2026-10-01'] }, typed);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(false);
    expect(calendar.isWorkingDay('2026-10-01')).toBe(true);
  });
});
