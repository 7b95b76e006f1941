import type { TestYishi } from '../../support/yishi.js';
import { confirmed } from '../../support/confirm.js';

/**
 * The consultation month of the source article (虎丘区政协“界别协商议事月”, September 2025):
 * three themed events by sector. Times and places are not in the article; these are plausible.
 */
export const CONSULTATION_MONTH = {
  programme: { title: '2025年界别协商议事月', month: '2025-09', description: '各界别围绕区域发展和民生实事开展专题协商' },
  events: [
    {
      title: '以民生实事项目破解新就业群体服务保障难题',
      theme: '新就业群体服务保障',
      sectors: ['工会', '共青团'],
      startAt: '2025-09-24T14:30:00+08:00',
      endAt: '2025-09-24T16:30:00+08:00',
      place: '区政协协商议事厅',
      organiser: '区政协工会、共青团界别',
    },
    {
      title: '聚焦新材料产业发展专题协商',
      theme: '助力区域新材料产业发展',
      sectors: ['中共'],
      startAt: '2025-09-25T09:30:00+08:00',
      endAt: '2025-09-25T11:30:00+08:00',
      place: '区政协三楼会议室',
      organiser: '区政协中共界别',
    },
    {
      title: '助推大健康产业提质升级专题协商',
      theme: '大健康产业提质升级',
      sectors: ['无党派', '文艺界'],
      startAt: '2025-09-28T14:30:00+08:00',
      endAt: '2025-09-28T16:30:00+08:00',
      place: '区政协协商议事厅',
      organiser: '区政协无党派、文艺界别',
    },
  ],
} as const;

/** Creates the programme and its three events through the admin API; returns their numbers. */
export async function seedConsultationMonth(t: TestYishi): Promise<{ programmeId: string; numbers: number[] }> {
  const programme = await t.api('/api/programmes', { body: CONSULTATION_MONTH.programme });
  if (programme.status !== 201) throw new Error(`programme not created: ${JSON.stringify(programme.body)}`);
  const numbers: number[] = [];
  for (const event of CONSULTATION_MONTH.events) {
    const created = await t.api('/api/events', { body: { ...event, sectors: [...event.sectors], programmeId: programme.body.id } });
    if (created.status !== 201) throw new Error(`event not created: ${JSON.stringify(created.body)}`);
    numbers.push(created.body.number);
  }
  return { programmeId: programme.body.id, numbers };
}

/** Registers a member through the admin API. */
export async function addMember(
  t: TestYishi,
  member: { name: string; sector: string; role?: 'member' | 'staff' | 'admin'; isConvenor?: boolean },
): Promise<string> {
  const created = await t.api('/api/members', { body: { role: 'member', ...member } });
  if (created.status !== 201) throw new Error(`member not created: ${JSON.stringify(created.body)}`);
  return created.body.id as string;
}

/** Says something to Yishi on the console (a direct chat) and returns the reply texts joined. */
export async function say(t: TestYishi, from: string, text: string): Promise<string> {
  const response = await t.api('/console/messages', { body: { from, text } });
  if (response.status !== 200) throw new Error(`console refused: ${JSON.stringify(response.body)}`);
  return (response.body.replies as Array<{ text: string }>).map((r) => r.text).join('\n');
}

/** Says a line that asks for 确认, and confirms it (see test/support/confirm.ts). */
export async function sayConfirmed(t: TestYishi, from: string, text: string): Promise<string> {
  return confirmed((line) => say(t, from, line), text);
}
