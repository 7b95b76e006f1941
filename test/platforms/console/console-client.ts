import { expect } from 'vitest';
import type { TestYishi } from '../../support/yishi.js';
import { confirmed } from '../../support/confirm.js';

/** Someone on the console platform: a member id, `resident:<name>` or `guest:<name>`. */
export type Person = string;

/** Talks to a running test Yishi through `POST /console/messages`, as `npm run chat` does. */
export function consoleChat(app: TestYishi) {
  return {
    /** Sends one line and returns Yishi's replies joined by newlines ('' when it stays silent). */
    async say(from: Person, text: string, options: { chat?: string; mentionedBot?: boolean; mentions?: string[] } = {}): Promise<string> {
      const response = await app.api('/console/messages', { method: 'POST', body: { from, text, ...options } });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return (response.body.replies as Array<{ text: string }>).map((reply) => reply.text).join('\n');
    },
    /** Says a line that asks for 确认, and confirms it in the same chat (see test/support/confirm.ts). */
    async sayConfirmed(from: Person, text: string, options: { chat?: string; mentionedBot?: boolean; mentions?: string[] } = {}) {
      return confirmed((line) => this.say(from, line, line === text ? options : { ...options, mentions: [] }), text);
    },
  };
}

/** Registers a member through the admin API and returns their id. */
export async function addMember(
  app: TestYishi,
  member: { name: string; role: 'member' | 'staff' | 'admin'; sector?: string },
): Promise<string> {
  const response = await app.api('/api/members', { method: 'POST', body: { sector: '无党派', ...member } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}
