import { weekdayOf } from './roster-api';

// Every word the 值班 page shows, in Chinese as chat says it (commands/roster, src/i18n/zh-CN/roster.ts).

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

export const ROSTER = {
  title: '值班安排',
  today: '今日值班',
  noneToday: '今天没有安排值班（可能是周末、节假日，或还没有排班）。',
  month: '月份',
  previousMonth: '上个月',
  nextMonth: '下个月',
  generate: '生成排班',
  noneInMonth: '这个月还没有值班安排。',
  weekdays: WEEKDAYS.map((day) => `周${day}`),
  holiday: '不排班',
  workday: '上班',
  swaps: '换班申请',
  noSwaps: '这个月没有换班申请。',
  swapStates: { pending: '待答复', agreed: '已同意', refused: '已拒绝', void: '已作废' } as Record<string, string>,
  shiftStates: { planned: '', served: '已签到', swapped: '已换班', missed: '未到岗' } as Record<string, string>,
  askedAt: '申请于',
  answeredAt: '答复于',
  change: '调整值班',
  changeTitle: '调整值班人员',
  changeHint: '点击班次可调整值班人员。',
  newMember: '改由哪位委员值班',
  preview: '查看将发生的变化',
  confirmChange: '确认调班',
  cancel: '取消',
  generateTitle: '生成排班',
  members: '轮值委员（按值班顺序选择）',
  order: '轮值顺序',
  slots: '时段',
  allDay: '全天',
  halfDays: '上午和下午',
  place: '值班地点',
  defaultPlace: '委员服务中心',
  previewPlan: '预览排班',
  planSummary: (days: number, shifts: number, kept: number) =>
    `共${days}个工作日，将排${shifts}个班次${kept ? `，保留已签到或已记录的${kept}个班次` : ''}。这一期间内尚未签到的班次会按新名单重排。`,
  specialDays: '按工作日历处理的日子',
  noSpecialDays: '这个月没有节假日或调休，周末不排班。',
  confirmGenerate: '确认生成',
  generated: (created: number) => `已生成值班表，新排${created}个班次。`,
  changed: (name: string) => `已改由${name}值班，相关委员和工作人员群会收到通知。`,
  loadFailed: '无法读取值班安排，请稍后再试。',
  myShifts: '我的值班',
  noMyShifts: '您接下来没有值班安排。',
  myShiftsHint: '如需换班，请在聊天中发送：换班 日期 委员姓名',
};

/** `10月12日（周一）` for a date, as chat writes it. */
export function showDate(date: string): string {
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${month}月${day}日（周${WEEKDAYS[weekdayOf(date) - 1]}）`;
}
