import { expect } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { consoleChat } from '../platforms/console/console-client.js';
import { generate, inbox, setUpCommittee, STAFF_ROOM } from '../services/roster/roster-support.js';
import { startScenario } from '../support/scenario.js';
import { storedOutbox, type TestYishi } from '../support/yishi.js';

export { inbox, STAFF_ROOM };

/** A sector group on the console, so the overdue ladder's 100% step has somewhere to go. */
export const SECTOR_ROOM = 'sector-room';

const beijing = (dateTime: string) => new Date(`${dateTime}+08:00`);

/**
 * A committee on the console: 张三 on duty (全天) today, 李四 a member who handles, 赵五 a member
 * with nothing to do with anything, 刘干事 staff; the staff group and the 无党派 group are console
 * chats, so every group message lands in a console inbox as well as in the outbox.
 */
export async function privacyCommittee(fileUrl: string, options: { kf?: boolean; env?: Record<string, string> } = {}) {
  const clock = new ManualClock(beijing('2026-03-04T09:00'));
  // 微信客服 (residents) needs the fake WeCom server, on the same clock.
  const scenario = await startScenario(fileUrl, { kf: options.kf, clock, scheduler: 'manual', env: options.env });
  const app = scenario.yishi;
  const wecom = options.kf ? scenario.wecom : undefined;
  const ids = await setUpCommittee(app, ['张三', '李四', '赵五']);
  const sector = await app.api('/api/groups', {
    method: 'POST',
    body: { key: '无党派', name: '无党派界别群', channels: [{ platform: 'console', kind: 'group', id: SECTOR_ROOM }] },
  });
  expect(sector.status, JSON.stringify(sector.body)).toBe(201);
  for (const name of ['青石社区', '河西村', '东门社区']) {
    expect((await app.api('/api/communities', { body: { name, keywords: [name.slice(0, 2)] } })).status).toBe(201);
  }
  await generate(app, { from: '2026-03-04', to: '2026-03-04', memberIds: [ids['张三']], slots: ['全天'] });
  const chat = consoleChat(app);
  const stop = () => scenario.stop();
  return {
    app,
    wecom,
    stop,
    clock,
    ids,
    chat,
    staff: ids['刘干事']!,
    onDuty: ids['张三']!,
    handler: ids['李四']!,
    bystander: ids['赵五']!,
  };
}

/** Every message meant for a group: the outbox's records and what the console groups received. */
export async function groupMessages(app: TestYishi): Promise<string[]> {
  await app.tick();
  const outbox = (await storedOutbox(app)).filter((notice) => notice.recipient.kind === 'group');
  return [...outbox.map((d) => d.message.text), ...(await inbox(app, STAFF_ROOM)), ...(await inbox(app, SECTOR_ROOM))];
}

/** The number of a freshly filed opinion in Yishi's answer. */
export function numberIn(answer: string): string {
  const number = /MY-\d{4}-\d{6}/.exec(answer)?.[0];
  expect(number, answer).toBeDefined();
  return number!;
}

const CHINESE = '〇零一幺二三四五六七八九';
const UPPER = '零壹贰叁肆伍陆柒捌玖';

/**
 * The digits a reader could take from a text, written any way (ASCII, full-width, 小写, 大写, 幺),
 * with everything else dropped: a test's own reading, independent of the masker's.
 */
export function readableDigits(text: string): string {
  let out = '';
  for (const char of text.normalize('NFKC')) {
    if (char >= '0' && char <= '9') out += char;
    else if (CHINESE.includes(char)) out += String([0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9][CHINESE.indexOf(char)]);
    else if (UPPER.includes(char)) out += String(UPPER.indexOf(char));
    else if (char === '*' || /\p{L}/u.test(char)) out += ' ';
  }
  return out.replace(/\s+/g, ' ');
}
