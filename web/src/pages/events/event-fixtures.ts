import type { EventItem } from './events-api';

// Shapes the component tests of 活动 answer with, as /api/events answers them.

export const EVENT_STATES_META = {
  states: [
    { code: 'planned', label: '筹备中' },
    { code: 'open', label: '报名中' },
    { code: 'ongoing', label: '进行中' },
    { code: 'done', label: '已结束' },
    { code: 'cancelled', label: '已取消' },
  ],
};

export const EVENT: EventItem = {
  id: 'e1',
  number: 7,
  title: '助推养老服务提质专题协商',
  sectors: ['无党派', '文艺界'],
  startAt: '2026-03-10T06:30:00.000Z',
  endAt: '2026-03-10T08:30:00.000Z',
  place: '区政协协商议事厅',
  targetGroups: ['无党派', '文艺界'],
  capacity: 30,
  state: 'open',
  signupCount: 1,
  attendanceCount: 0,
};
