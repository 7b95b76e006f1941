import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { readToolEnvironment } from '../../config.js';
import { messagesFor } from '../../i18n/messages.js';
import { ConsoleClient, ConsoleMailbox, personFor, type ConsolePerson } from './console-client.js';

/**
 * `npm run chat`: a terminal conversation with a running Yishi through the console platform —
 * the same pipeline WeCom and DingTalk messages take after their adapters. Choose who you are
 * (a member, staff, a resident), type, and read the answers and any notices sent to you.
 * Options: `--url <base>` (else YISHI_URL or PORT, else the address the running `npm run dev` wrote to
 * .data/yishi-url), `--as <成员姓名 | member id | kf:名字 | resident:名字 | guest:名字>`, `--scan <社区名>`
 * (the QR code a `kf:` resident scans). Residents on 微信客服 talk to the simulator's account (POST
 * /console/kf); members switch to a group chat with `.group 群名` (`.help` lists the rest).
 */
const tools = readToolEnvironment();
const t = messagesFor(tools.locale).core;
const c = t.console;

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function adminToken(): string | undefined {
  if (tools.adminToken) return tools.adminToken;
  const file = join(process.cwd(), '.data', 'admin-token');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

/** Where Yishi runs: --url, YISHI_URL or PORT when set, else what `npm run dev` wrote to .data/yishi-url. */
function yishiUrl(): string {
  const typed = option('url') ?? (tools.yishiUrlGiven ? tools.yishiUrl : undefined);
  if (typed) return typed.replace(/\/+$/, '');
  const file = join(process.cwd(), '.data', 'yishi-url');
  return (existsSync(file) ? readFileSync(file, 'utf8').trim() : tools.yishiUrl).replace(/\/+$/, '');
}

/** Reads lines one at a time, buffering what arrives early (pasted or piped input). */
function lineReader(rl: Interface) {
  const iterator = rl[Symbol.asyncIterator]();
  return async (prompt: string): Promise<string | null> => {
    rl.setPrompt(prompt);
    rl.prompt();
    const next = await iterator.next();
    return next.done ? null : String(next.value).trim();
  };
}

/** Who one speaks as: someone on the console pipeline, or a resident on the simulator's 微信客服 account. */
type Me = { kind: 'person'; id: string; name: string; role: string } | { kind: 'kf'; name: string; scene: string; community?: string };

type Read = (prompt: string) => Promise<string | null>;

/** The QR code a simulated resident scans: a community by number (or by `--scan` name); '' for none. */
async function chooseScan(client: ConsoleClient, read: Read, named?: string): Promise<{ scene: string; community?: string } | null> {
  const communities = await client.communities();
  const scene = (c: { id: string; code?: string }) => c.code ?? c.id;
  if (named) {
    const found = communities.find((community) => community.name === named);
    if (found) return { scene: scene(found), community: found.name };
    console.log(
      c.unknownCommunity(
        named,
        communities.map((community) => community.name),
      ),
    );
  }
  for (;;) {
    console.log(c.chooseScan);
    communities.forEach((community, i) => console.log(c.scanLine(i + 1, community.name)));
    console.log(c.noScan);
    const answer = await read('> ');
    if (answer === null) return null;
    if (answer === '0') return { scene: '' };
    const found = communities[Number(answer) - 1];
    if (found) return { scene: scene(found), community: found.name };
    console.log(c.badChoice);
  }
}

async function choosePerson(client: ConsoleClient, read: Read): Promise<Me | null> {
  const people: ConsolePerson[] = await client.people();
  for (;;) {
    console.log(c.chooseWho);
    people.forEach((p, i) => console.log(c.person(i + 1, p.name, t.roles[p.role] ?? p.role, p.sector)));
    console.log(c.asKfResident(people.length + 1));
    console.log(c.asResident(people.length + 2));
    console.log(c.asGuest(people.length + 3));
    const answer = await read('> ');
    if (answer === null) return null;
    const index = Number(answer) - 1;
    const person = people[index];
    if (person) return { kind: 'person', id: person.id, name: person.name, role: t.roles[person.role] ?? person.role };
    if (index === people.length || index === people.length + 1) {
      const name = await read(c.askResidentName);
      if (name === null) return null;
      if (name && index === people.length + 1) return { kind: 'person', id: `resident:${name}`, name, role: t.roles.resident! };
      if (name) {
        const scan = await chooseScan(client, read);
        return scan && { kind: 'kf', name, ...scan };
      }
    } else if (index === people.length + 2) {
      return { kind: 'person', id: `guest:${t.roles.guest}`, name: t.roles.guest!, role: t.roles.guest! };
    }
    console.log(c.badChoice);
  }
}

/** `--as`: a member's name or id, `resident:…`, `guest:…`, or `kf:称呼` (with `--scan 社区名`). */
async function chosenPerson(client: ConsoleClient, read: Read, chosen: string): Promise<Me | null | undefined> {
  const kf = /^kf:(.+)$/.exec(chosen.trim());
  if (kf) {
    const scan = await chooseScan(client, read, option('scan'));
    return scan && { kind: 'kf', name: kf[1]!, ...scan };
  }
  const people = await client.people();
  const person = personFor(people, chosen);
  if (!person) {
    console.error(
      c.unknownPerson(
        chosen,
        people.map((p) => p.name),
      ),
    );
    return undefined;
  }
  return { kind: 'person', ...person, role: t.roles[person.role] ?? person.role };
}

function show(prefix: string, text: string): void {
  const [first, ...rest] = text.split('\n');
  console.log([`${prefix}${first}`, ...rest.map((line) => `${' '.repeat(prefix.length)}${line}`)].join('\n'));
}

const POLL_MS = 1500;

/**
 * Shows what reaches a mailbox between lines, until stopped; `busy` while a line is in flight,
 * whose answer the conversation reads itself.
 */
function pollMailbox(mailbox: ConsoleMailbox, prefix: string, busy: () => boolean, rl: Interface): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    if (!busy()) {
      const messages = await mailbox.read().catch(() => [] as string[]);
      if (!stopped) for (const text of messages) show(prefix, text);
      if (messages.length > 0) rl.prompt(true);
    }
    if (!stopped) timer = setTimeout(() => void tick(), POLL_MS);
  };
  timer = setTimeout(() => void tick(), POLL_MS);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** A resident on the simulator's 微信客服 account: scans first, then talks; sees what the kf channel sends. */
async function residentConversation(
  client: ConsoleClient,
  me: Extract<Me, { kind: 'kf' }>,
  read: Read,
  rl: Interface,
): Promise<'switch' | 'quit'> {
  const mailbox = new ConsoleMailbox(client, `kf:${me.name}`);
  await mailbox.read(); // what an earlier run left there is not news
  let busy = false;
  const stop = pollMailbox(mailbox, c.notice, () => busy, rl);
  try {
    await client.kf(me.name, { scene: me.scene });
    console.log(c.scanned(me.name, me.community));
    for (const text of await mailbox.read()) show(c.bot, text);
    for (let line = await read(c.promptYou); line !== null; line = await read(c.promptYou)) {
      if (line === '.quit' || line === '.exit') return 'quit';
      if (line === '.who') return 'switch';
      if (line === '.help') console.log(c.help);
      else if (line.startsWith('.group')) console.log(c.noGroupForResident);
      else if (line) {
        busy = true;
        try {
          await client.kf(me.name, { text: line });
          for (const text of await mailbox.read()) show(c.bot, text);
        } catch (error) {
          console.log(c.sendFailed((error as Error).message));
        } finally {
          busy = false;
        }
      }
    }
    return 'quit';
  } finally {
    stop();
  }
}

/** A member, staff, guest or command-driven resident: a direct chat, or a group chat after `.group 群名`. */
async function personConversation(
  client: ConsoleClient,
  me: Extract<Me, { kind: 'person' }>,
  read: Read,
  rl: Interface,
): Promise<'switch' | 'quit'> {
  console.log(c.youAre(me.name, me.role || me.id));
  const stopDirect = client.pollInbox(me.id, (text) => {
    show(c.notice, text);
    rl.prompt(true);
  });
  let group: string | undefined;
  let stopGroup = () => {};
  try {
    for (
      let line = await read(group ? c.promptGroup(group) : c.promptYou);
      line !== null;
      line = await read(group ? c.promptGroup(group) : c.promptYou)
    ) {
      if (line === '.quit' || line === '.exit') return 'quit';
      if (line === '.who') return 'switch';
      if (line === '.help') {
        console.log(c.help);
        continue;
      }
      const entering = /^\.group(?:\s+(.+))?$/.exec(line);
      if (entering) {
        stopGroup();
        group = entering[1]?.trim() || undefined;
        if (group) {
          const mailbox = new ConsoleMailbox(client, group);
          await mailbox.read();
          stopGroup = pollMailbox(mailbox, c.groupNotice(group), () => false, rl);
        } else stopGroup = () => {};
        console.log(group ? c.groupEntered(group) : c.groupLeft);
        continue;
      }
      if (!line) continue;
      try {
        const replies = await client.say(me.id, line, group);
        for (const reply of replies) show(group ? c.botInGroup(group) : c.bot, reply);
        if (group && replies.length === 0 && !botNamed(line)) console.log(c.notMentioned);
      } catch (error) {
        console.log(c.sendFailed((error as Error).message));
      }
    }
    return 'quit';
  } finally {
    stopDirect();
    stopGroup();
  }
}

/** True when the line @-mentions the assistant (as the console route reads it). */
function botNamed(line: string): boolean {
  return t.botNames.some((name) => line.includes(`@${name}`) || line.includes(`＠${name}`));
}

async function main(): Promise<void> {
  const url = yishiUrl();
  const token = adminToken();
  console.log(c.title);
  if (!token) {
    console.error(c.noToken);
    process.exitCode = 1;
    return;
  }
  console.log(c.connecting(url));
  const client = new ConsoleClient(url, token);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: Boolean(process.stdin.isTTY) });
  const read = lineReader(rl);
  try {
    const chosen = option('as');
    let me = chosen ? await chosenPerson(client, read, chosen) : await choosePerson(client, read);
    if (me === undefined) {
      process.exitCode = 2;
      return;
    }
    while (me) {
      const next: 'switch' | 'quit' =
        me.kind === 'kf' ? await residentConversation(client, me, read, rl) : await personConversation(client, me, read, rl);
      me = next === 'switch' ? await choosePerson(client, read) : null;
    }
    console.log(c.bye);
  } catch (error) {
    console.error(c.unreachable(url, (error as Error).message));
    process.exitCode = 1;
  } finally {
    rl.close();
  }
}

void main();
