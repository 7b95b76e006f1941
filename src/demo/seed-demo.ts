import type { MemberRole } from '../core/roles.js';
import { stringify } from 'csv-stringify/sync';
import { addDays, beijingInstant, parseTimeOfDay } from '../core/dates.js';
import { findOpinionNumbers } from '../core/opinion-number.js';
import type { DemoAdminClient } from './admin-client.js';
import { demoCalendar, type DemoCalendar } from './demo-calendar.js';
import { DEMO_CATEGORIES } from './demo-categories.js';
import {
  DEMO_COMMUNITIES,
  DEMO_EVENTS,
  DEMO_MEMBERS,
  DEMO_OPINIONS,
  DEMO_SECTORS,
  DEMO_SERVICE_CENTRE,
  DEMO_SIGN_UPS,
} from './demo-data.js';

/** What the seed created. */
export interface DemoSummary {
  members: number;
  communities: number;
  categories: number;
  shifts: number;
  events: number;
  opinions: string[];
  calendar: DemoCalendar;
}

interface CreatedMember {
  id: string;
  name: string;
  sector: string;
  role: MemberRole;
}

/** The instant of a demo event's `HH:MM` on a Beijing date, as the API takes it. */
function atBeijingTime(date: string, hhmm: string): string {
  const time = parseTimeOfDay(hhmm);
  if (!time) throw new Error(`the demo event time ${hhmm} is not HH:MM`);
  return beijingInstant(date, time.hour, time.minute).toISOString();
}

/** True when no member (active or not) is registered: the only case in which the demo is seeded. */
export async function hasNoMembers(client: DemoAdminClient): Promise<boolean> {
  const { total } = await client.call<{ total: number }>('/api/members?includeInactive=true');
  return total === 0;
}

/**
 * Seeds the demo committee through the admin API and the console chat of a running Yishi: the
 * same validation and services as real use, so numbers, audit trails and reminders are real too.
 * Call it only on an empty database ({@link hasNoMembers}); it is not meant to run twice.
 */
export async function seedDemoCommittee(client: DemoAdminClient, now: Date): Promise<DemoSummary> {
  const calendar = demoCalendar(now);
  const members = await importMembers(client);
  const byName = new Map(members.map((m) => [m.name, m]));
  const speaker = (who: string) => (who.startsWith('resident:') ? who : byName.get(who)!.id);

  for (const community of DEMO_COMMUNITIES) await client.call('/api/communities', { body: community });
  for (const category of DEMO_CATEGORIES) await client.call('/api/categories', { body: category });
  await createGroups(client, members);

  const rotation = members.filter((m) => m.role === 'member').map((m) => m.id);
  const roster = await client.call<{ created: number }>('/api/roster/generate', {
    body: {
      from: calendar.roster.from,
      to: calendar.roster.to,
      memberIds: rotation,
      // The demo service centre opens every day, so a demo on a Sunday still has someone on duty.
      workdays: calendar.roster.daysOff,
      slots: ['上午', '下午'],
      place: DEMO_SERVICE_CENTRE,
    },
  });

  const eventNumbers = await createConsultationMonth(client, calendar);
  for (const signUp of DEMO_SIGN_UPS) await client.say(speaker(signUp.as), `报名 ${eventNumbers[signUp.event]}`);

  const opinions: string[] = [];
  for (const script of DEMO_OPINIONS) {
    const reply = await client.say(speaker(script.from), script.text);
    const number = findOpinionNumbers(reply)[0];
    if (!number) throw new Error(`the demo opinion was not filed: ${reply}`);
    opinions.push(number);
    for (const step of script.steps) await client.say(speaker(step.as), step.say.replace('{n}', number));
  }

  return {
    members: members.length,
    communities: DEMO_COMMUNITIES.length,
    categories: DEMO_CATEGORIES.length,
    shifts: roster.created,
    events: eventNumbers.length,
    opinions,
    calendar,
  };
}

/** One CSV import: the file is checked whole before anything is stored. */
async function importMembers(client: DemoAdminClient): Promise<CreatedMember[]> {
  const rows = DEMO_MEMBERS.map((m) => [m.name, m.sector, m.role, m.phone ?? '', m.isConvenor ? 'true' : '']);
  const csv = stringify([['name', 'sector', 'role', 'phone', 'isConvenor'], ...rows]);
  const result = await client.call<{ members: CreatedMember[] }>('/api/members/import', { csv });
  return result.members;
}

/**
 * The office group (`staff`) and one group per sector. On the console a group is reached through
 * a channel per person in it, so each member reads the group's notices in their own `npm run chat`
 * inbox, as they would in the WeCom or DingTalk group.
 */
async function createGroups(client: DemoAdminClient, members: CreatedMember[]): Promise<void> {
  const channels = (people: CreatedMember[]) => people.map((person) => ({ platform: 'console', kind: 'group', id: person.id }));
  await client.call('/api/groups', {
    body: { key: 'staff', name: '政协办公室工作群', channels: channels(members.filter((m) => m.role !== 'member')) },
  });
  for (const sector of DEMO_SECTORS) {
    const people = members.filter((m) => m.sector === sector && m.role === 'member');
    await client.call('/api/groups', { body: { key: sector, name: `${sector}界别群`, channels: channels(people) } });
  }
}

/** The programme and its three themed events; returns the events' numbers in DEMO_EVENTS order. */
async function createConsultationMonth(client: DemoAdminClient, calendar: DemoCalendar): Promise<number[]> {
  const { programme } = calendar;
  const created = await client.call<{ id: string }>('/api/programmes', {
    body: {
      title: programme.title,
      startDate: programme.startDate,
      endDate: programme.endDate,
      description: '各界别围绕区域发展和民生实事开展专题协商',
    },
  });
  const numbers: number[] = [];
  for (const event of DEMO_EVENTS) {
    const date = addDays(programme.firstEventDate, event.dayOffset);
    const body = {
      title: event.title,
      theme: event.theme,
      sectors: [...event.sectors],
      startAt: atBeijingTime(date, event.start),
      endAt: atBeijingTime(date, event.end),
      place: event.place,
      organiser: event.organiser,
      programmeId: created.id,
    };
    numbers.push((await client.call<{ number: number }>('/api/events', { body })).number);
  }
  return numbers;
}
