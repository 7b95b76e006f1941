import type { operationsZh } from '../zh-CN/operations.js';

/** Operations: the delete-member command, `npm run dev`'s first-run notes, the operator CLI. */
export const operationsEn: typeof operationsZh = {
  commands: {
    deleteMember: {
      usage: '删除成员 member',
      description:
        'Deactivate a member: they can no longer use Yishi nor receive notices; their history is kept (confirmation needed; admins only)',
      examples: ['删除成员 @张三', '删除成员 张三'],
    },
  },
  deleteMember: {
    preview: (name, sector, role, upcoming) =>
      `${name} (${sector}, ${role}) will be deactivated: they can no longer use Yishi nor receive notices; their opinions, shifts and records are kept.` +
      (upcoming > 0 ? ` They still have ${upcoming} shift(s) ahead; staff should reassign them.` : ''),
    done: (name, upcoming) =>
      `${name} is deactivated.` + (upcoming > 0 ? ` Their ${upcoming} shift(s) ahead need someone else: use the admin API or 排班.` : ''),
    notFound: (who) => `No member "${who}" was found. Check the name, or @-mention them.`,
    notSelf: 'You cannot deactivate yourself. Ask another admin to do it.',
    alreadyInactive: (name) => `${name} is already deactivated.`,
  },
  dev: {
    running: (url) => `Yishi is running: ${url}`,
    mongodb: (kind) => `  Database: ${kind}`,
    redis: (url) => `  Redis:    ${url ?? 'not set, single-instance mode'}`,
    token: (token) => `  Admin token: ${token} (kept in .data/admin-token)`,
    readiness: (url) => `  Readiness: curl ${url}/readyz`,
    seeding: 'The database is empty: creating a demo committee (members, communities, duty roster, consultation month, some opinions)…',
    seeded: (members, communities, shifts, events, opinions) =>
      `The demo committee is ready: ${members} members, ${communities} villages/communities, ${shifts} shifts, ${events} events, ${opinions} opinions.`,
    seedSkipped: 'The database already has members, so no demo data is added (to start over, stop and delete .data/).',
    seedOff: 'Demo data skipped (YISHI_DEMO=off).',
    seedFailed: (reason) => `The demo data is incomplete: ${reason}. Stop, delete .data/ and try again.`,
    workbenchBuilding: 'Building the workbench web app (once, about a minute)…',
    workbenchBuildFailed: 'The workbench web app did not build: run npm run build:web to see why.',
    workbench: (url, link) =>
      [
        '',
        `Workbench: ${url}`,
        ...(link ? [`  The admin's one-time sign-in link (valid for 10 minutes): ${link}`] : []),
        '  Later, send 工作台 in npm run chat as yourself and open the link in the answer.',
      ].join('\n'),
    howToChat: (url, defaultUrl) =>
      [
        '',
        'Chat with Yishi: in another terminal run',
        defaultUrl ? '  npm run chat' : `  YISHI_URL=${url} npm run chat`,
        'Choose who you are (a member, staff, a resident), then try: 帮助, 值班, 反映 路灯坏了, 活动, 我的值班.',
        'Operator CLI: npm run yishi -- help',
      ].join('\n'),
  },
  cli: {
    usage: [
      'Yishi operator CLI (connects to MongoDB directly; run it on the server)',
      '',
      'Usage: npm run yishi -- <command> [options] (after a build or in the container: node dist/src/cli/yishi.js <command>)',
      '',
      '  import members <file.csv|file.xlsx>       import members (columns: name,sector,role[,wecomUserId,dingtalkStaffId,phone,isConvenor])',
      '  import communities <file.csv|file.xlsx>   import villages/communities (columns: name[,keywords,code])',
      '  roster generate --month 2026-04 | --from DATE --to DATE [--members A,B] [--place PLACE] [--half-days]',
      '                  [--holidays DATE,…] [--workdays DATE,…]   generate the duty roster (default: all members in turn)',
      '  outbox failed [--limit 50]                 list notices that failed to send',
      '  outbox retry <id…> | --all                 send failed notices again',
      '  export <members|communities|opinions|roster|events> [--out file.csv] [--from DATE --to DATE]',
      '  token rotate                               make a new admin token (the old one stops working)',
      '  token reset                                drop the rotated token; ADMIN_TOKEN works again',
      '',
      'Database: MONGODB_URI; in development, when unset, the database of the running npm run dev (.data/mongodb-uri).',
    ].join('\n'),
    unknownCommand: (word) => `Unknown command "${word}". Run npm run yishi -- help for the list.`,
    badOption: (message) => `Bad option: ${message}. Run npm run yishi -- help for the usage.`,
    noDatabase: 'No database: set MONGODB_URI (the one the service uses), or start npm run dev first.',
    failed: (message) => `Not done: ${message}`,
    progress: (verb, done, total) => `${verb} ${done}/${total}`,
    import: {
      verb: 'imported',
      checking: 'checked',
      missingFile: 'Name the file to import, e.g. npm run yishi -- import members members.csv',
      unreadable: (path, reason) => `Cannot read ${path}: ${reason}. Nothing was imported.`,
      unsupported: (path) => `Only .csv and .xlsx files are supported: ${path}. Nothing was imported.`,
      empty: 'The file is empty. Nothing was imported.',
      columnCount: 'the number of columns differs from the header',
      quoteNotClosed: 'a quote is not closed',
      malformed: (line, reason) => `${line ? `Line ${line}` : 'The file'} is malformed (${reason}). Nothing was imported.`,
      header: (expected, unknown) =>
        `Line 1 (the header) must name: ${expected}${unknown.length ? `; unknown columns: ${unknown.join(', ')}` : ''}. Nothing was imported.`,
      badRow: (line, problems) => `Line ${line}: ${problems}. Nothing was imported.`,
      repeats: (line, what, first) => `Line ${line}: ${what} repeats line ${first}. Nothing was imported.`,
      exists: (line, what, owner) => `Line ${line}: ${what} is already registered (${owner}). Nothing was imported.`,
      rolledBack: (reason) => `The import failed midway (${reason}); what this run wrote was removed. Nothing was imported.`,
      done: (count, what) => `Imported ${count} ${what}.`,
      members: 'members',
      communities: 'villages/communities',
      field: {
        name: 'name',
        sector: 'sector',
        role: 'role (member, staff or admin)',
        wecomUserId: 'WeCom userid',
        dingtalkStaffId: 'DingTalk staffId',
        phone: 'phone',
        communityName: 'name',
        keywords: 'keywords',
        code: 'QR scene code',
      },
      required: 'is required',
      tooLong: (max) => `must be at most ${max} characters`,
      notPhone: 'is not a phone number',
      notRole: 'must be member, staff or admin',
    },
    roster: {
      noMembers: 'No members to put on the roster: import members first, or name them with --members.',
      unknownMember: (name) => `No single member named "${name}".`,
      badDate: (value) => `"${value}" is not a date; write it like 2026-03-05.`,
      done: (created, kept, days, from, to) =>
        `Roster ${from} to ${to}: ${days} working days, ${created} shifts planned, ${kept} finished ones kept.`,
    },
    outbox: {
      none: 'No notice has failed.',
      header: 'id                        failed at           tries  to              reason',
      line: (id, at, attempts, to, error, text) => `${id}  ${at}  ${String(attempts).padStart(4)}  ${to.padEnd(14)}  ${error}\n    ${text}`,
      more: (shown, total) => `(${total} in all; the ${shown} oldest are shown; change with --limit)`,
      retried: (count) => `${count} notice(s) queued again; the service sends them within a minute.`,
      notFailed: (id) => `${id} is not a failed notice (or does not exist); left alone.`,
      nothingToRetry: 'Name the notices to send again, or use --all for every failed one.',
    },
    export: {
      verb: 'exported',
      unknownWhat: (what) => `Cannot export "${what}": choose members, communities, opinions, roster or events.`,
      written: (count, path) => `Exported ${count} rows to ${path}.`,
      needRange: 'To export the roster give --from and --to dates.',
    },
    token: {
      rotated: 'The new admin token (shown only now; keep it safe — the old one no longer works; every instance follows within 15 s):',
      devFile: (path) => `${path} is updated too, so npm run chat uses the new token.`,
      reset: 'The rotated token is dropped: the admin API accepts ADMIN_TOKEN again (every instance within 15 s).',
      resetNothing: 'No token was rotated; the admin API already uses ADMIN_TOKEN.',
      unknownAction: (word) => `After token comes rotate or reset, not "${word}".`,
    },
  },
};
