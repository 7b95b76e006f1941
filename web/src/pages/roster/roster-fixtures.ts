import type { Shift, SpecialDay, SwapRequest } from './roster-api';

// Shapes as the server sends them (docs/workbench-api.md, /api/roster…), for the component tests.

export const MEMBERS = [
  { id: 'm1', name: '张三', role: 'member' },
  { id: 'm2', name: '李四', role: 'member' },
  { id: 'm3', name: '王五', role: 'member' },
];

const SLOT_CODE = { 上午: 'am', 下午: 'pm', 全天: 'day' } as const;

export const shift = (date: string, slot: Shift['slot'], memberId: string, state: Shift['state'] = 'planned'): Shift => ({
  id: `s-${date}-${SLOT_CODE[slot]}`,
  date,
  slot,
  memberId,
  memberName: MEMBERS.find((m) => m.id === memberId)!.name,
  place: '委员服务中心',
  state,
});

export const NATIONAL_DAY: SpecialDay = {
  date: '2026-10-01',
  working: false,
  reason: 'official-holiday',
  name: '国庆节',
  label: '国庆节·法定节假日',
};
export const MAKE_UP_DAY: SpecialDay = {
  date: '2026-10-10',
  working: true,
  reason: 'official-workday',
  name: '国庆节',
  label: '国庆节·调休上班',
};

export const SWAP: SwapRequest = {
  id: 'w1',
  shiftId: 's-2026-10-13-am',
  date: '2026-10-13',
  slot: '上午',
  fromName: '张三',
  toName: '李四',
  state: 'pending',
  createdAt: '2026-10-09T01:00:00.000Z',
};
