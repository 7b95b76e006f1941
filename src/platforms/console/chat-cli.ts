import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { readToolEnvironment } from '../../config.js';
import { messagesFor } from '../../i18n/messages.js';
import { ConsoleClient, personFor, type ConsolePerson } from './console-client.js';

/**
 * `npm run chat`: a terminal conversation with a running Yishi through the console platform —
 * the same pipeline WeCom and DingTalk messages take after their adapters. Choose who you are
 * (a member, staff, a resident), type, and read the answers and any notices sent to you.
 * Options: `--url <base>` (else YISHI_URL or PORT, else the address the running `npm run dev` wrote to
 * .data/yishi-url), `--as <成员姓名 | member id | resident:名字 | guest:名字>`.
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

async function choosePerson(
  client: ConsoleClient,
  read: (prompt: string) => Promise<string | null>,
): Promise<{ id: string; name: string; role: string } | null> {
  const people: ConsolePerson[] = await client.people();
  for (;;) {
    console.log(c.chooseWho);
    people.forEach((p, i) => console.log(c.person(i + 1, p.name, t.roles[p.role] ?? p.role, p.sector)));
    console.log(c.asResident(people.length + 1));
    console.log(c.asGuest(people.length + 2));
    const answer = await read('> ');
    if (answer === null) return null;
    const index = Number(answer) - 1;
    const person = people[index];
    if (person) return { id: person.id, name: person.name, role: t.roles[person.role] ?? person.role };
    if (index === people.length) {
      const name = await read(c.askResidentName);
      if (name === null) return null;
      if (name) return { id: `resident:${name}`, name, role: t.roles.resident! };
    } else if (index === people.length + 1) {
      return { id: `guest:${t.roles.guest}`, name: t.roles.guest!, role: t.roles.guest! };
    }
    console.log(c.badChoice);
  }
}

function show(prefix: string, text: string): void {
  const [first, ...rest] = text.split('\n');
  console.log([`${prefix}${first}`, ...rest.map((line) => `${' '.repeat(prefix.length)}${line}`)].join('\n'));
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
  let stopPolling = () => {};
  try {
    const chosen = option('as');
    let me: { id: string; name: string; role: string } | null | undefined;
    if (chosen) {
      const people = await client.people();
      me = personFor(people, chosen);
      if (!me) {
        console.error(
          c.unknownPerson(
            chosen,
            people.map((p) => p.name),
          ),
        );
        process.exitCode = 2;
        return;
      }
      me = { ...me, role: t.roles[me.role] ?? me.role };
    } else me = await choosePerson(client, read);
    while (me) {
      console.log(c.youAre(me.name, me.role || me.id));
      stopPolling();
      stopPolling = client.pollInbox(me.id, (text) => {
        show(c.notice, text);
        rl.prompt(true);
      });
      let switching = false;
      for (let line = await read(c.promptYou); line !== null; line = await read(c.promptYou)) {
        if (line === '.quit' || line === '.exit') break;
        if (line === '.who') {
          switching = true;
          break;
        }
        if (!line) continue;
        try {
          for (const reply of await client.say(me.id, line)) show(c.bot, reply);
        } catch (error) {
          console.log(c.sendFailed((error as Error).message));
        }
      }
      me = switching ? await choosePerson(client, read) : null;
    }
    console.log(c.bye);
  } catch (error) {
    console.error(c.unreachable(url, (error as Error).message));
    process.exitCode = 1;
  } finally {
    stopPolling();
    rl.close();
  }
}

void main();
