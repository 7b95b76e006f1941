/** 工作日历：法定节假日、调休、办公室自己的安排。 */
export const calendarZh = {
  reasons: {
    'office-holiday': '办公室休息日',
    'office-workday': '办公室工作日',
    'official-holiday': '法定节假日',
    'official-workday': '调休上班',
    weekend: '周末',
    weekday: '工作日',
  } as Record<string, string>,
  nextYearUnknown: (year: number) =>
    `工作日历提醒：日历数据里还没有 ${year} 年的法定节假日和调休安排。在补上之前，${year} 年的办理时限和值班只按周末计算，元旦、春节等假日会被当作工作日。\n` +
    `请运维人员升级 chinese-days 数据包（npm update chinese-days）后重新部署；或在国务院办公厅通知发布后，用管理接口 PUT /api/settings/calendar 或命令行“yishi calendar set”录入 ${year} 年的放假和调休日期。`,
  errors: {
    badDate: (value: string) => `“${value}”不是有效日期，请写成 2027-01-01 这样的格式。`,
    twice: (date: string) => `${date} 写了两次，请只保留一条（休息或上班）。`,
    badHours: '上班时间要早于下班时间，格式为 HH:MM，例如 08:30 和 17:30。',
  },
};
