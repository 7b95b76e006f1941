import { expect } from 'vitest';
import type { ManualClock } from '../../../src/core/clock.js';
import type { TestYishi } from '../../support/yishi.js';
import { confirmed } from '../../support/confirm.js';

/** Says a line that asks for 确认, and confirms it (see test/support/confirm.ts). */
export async function sayConfirmed(app: TestYishi, from: string, text: string): Promise<string> {
  return confirmed((line) => say(app, from, line), text);
}

/** `2026-11-03 09:00` Beijing time as an instant. */
export const bj = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** One line through the console platform (the same path as WeCom and DingTalk after their adapters). */
export async function say(app: TestYishi, from: string, text: string): Promise<string> {
  const response = await app.api('/console/messages', { method: 'POST', body: { from, text } });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body.replies as Array<{ text: string }>).map((reply) => reply.text).join('\n');
}

/** Registers a member through the admin API; returns the id. */
export async function addMember(
  app: TestYishi,
  member: { name: string; sector: string; role?: 'member' | 'staff'; wecomUserId?: string },
): Promise<string> {
  const response = await app.api('/api/members', { body: { role: 'member', ...member } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}

/** Texts the outbox delivered to a console person or chat. */
export async function inbox(app: TestYishi, to: string): Promise<string[]> {
  const response = await app.api(`/console/inbox?to=${encodeURIComponent(to)}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body.messages as Array<{ text: string }>).map((message) => message.text);
}

/**
 * Work to do at given instants. `run()` performs it in time order, moving the clock to each
 * instant first, so a fixture can be written opinion by opinion and still happen as a month would.
 */
export class Timeline {
  private readonly steps: Array<{ at: number; seq: number; work: () => Promise<void> }> = [];

  at(when: Date, work: () => Promise<void>): void {
    this.steps.push({ at: when.getTime(), seq: this.steps.length, work });
  }

  async run(clock: ManualClock): Promise<void> {
    // Work scheduled while running (a later step of an opinion) joins the queue in order.
    while (this.steps.length > 0) {
      this.steps.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const step = this.steps.shift()!;
      clock.set(step.at);
      await step.work();
    }
  }
}

/** Distinct, deterministic Chinese text: no two share enough character pairs to look "similar". */
const POOL =
  '天地人和日月山水风云花草树木春夏秋冬东南西北上下左右大小多少高低长短新旧好坏金银铜铁江河湖海桥路街巷门窗灯火电气车船书画歌舞茶酒米面油盐医药学校';
let seed = 7;
export function uniqueText(prefix: string): string {
  let text = '';
  for (let i = 0; i < 20; i += 1) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    // The high bits: an LCG's low bits repeat with a short period.
    text += POOL[Math.floor((seed / 2147483648) * POOL.length)];
  }
  return `${prefix}${text}`;
}

/** The opinion number in a reply. */
export function numberIn(reply: string): string {
  const found = /MY-\d{4}-\d{6}/.exec(reply);
  expect(found, reply).not.toBeNull();
  return found![0];
}
