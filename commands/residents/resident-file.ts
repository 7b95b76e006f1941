import type { AnswerReading, ParsedArgs } from '../../src/core/command.js';
import { pickChoice } from '../../src/core/dialogue.js';
import { foldWidth } from '../../src/core/parser.js';
import type { Messages } from '../../src/i18n/messages.js';
import { isOneOf } from '../../src/services/residents/plain-words.js';
import type { ResidentReport } from '../../src/services/residents/resident-filing.js';
import { maskContact, readPhoneAndName } from '../../src/services/privacy/resident-contact.js';
import type { CommandContext, CommandSpec } from '../command.js';

/** The value of `community` when the resident is not sure where it was. */
const NOT_SURE = '-';
/** A filing waits this long for the resident's next answer (members' dialogues: 10 minutes). */
export const RESIDENT_DIALOGUE_MS = 2 * 60 * 60_000;

/** The words a resident answers with (`messages.residents.words`). */
const words = (t: Messages) => t.residents.words;

/** What the resident typed, as the word lists read it. */
function plain(answer: string): string {
  return foldWidth(answer)
    .trim()
    .replace(/[。.!！~～]+$/, '');
}

/** The photos collected so far (media ids, one a line in `photoIds`). */
function photosOf(args: ParsedArgs): string[] {
  return args.photoIds ? args.photoIds.split('\n') : [];
}

/** A photo sent while something else is asked: kept with the filing. */
function withPhoto(ctx: CommandContext): { photoIds: string; count: number } | undefined {
  const mediaId = ctx.message.image?.mediaId;
  if (!mediaId) return undefined;
  const photos = [...photosOf(ctx.args), mediaId];
  return { photoIds: photos.join('\n'), count: photos.length };
}

function reportOf(args: ParsedArgs): ResidentReport {
  return {
    content: args.what ?? '',
    ...(args.community && args.community !== NOT_SURE ? { community: args.community } : {}),
    photos: photosOf(args),
    ...(args.phone ? { phone: args.phone } : {}),
    ...(args.name ? { name: args.name } : {}),
  };
}

/** A name and phone in the sentence they come in (`我姓张，电话139…`, `张阿姨 139…`). */
function contactIn(answer: string): ParsedArgs | undefined {
  const { phone, name } = readPhoneAndName(plain(answer));
  return phone ? { contact: 'given', phone, ...(name ? { name } : {}) } : undefined;
}

/** What happened: a photo is kept and the words asked for; a report is checked, and its community found when it can be. */
async function readWhat(answer: string, ctx: CommandContext): Promise<AnswerReading> {
  const t = ctx.t.residents;
  const photo = withPhoto(ctx);
  if (photo) return { ok: false, values: { photoIds: photo.photoIds }, reply: t.photoBeforeWords, askAgain: false };
  const word = plain(answer);
  if ([...word].length < 2 || isOneOf(word, words(ctx.t).greet)) return { ok: false, reply: t.askWhat, askAgain: false };
  const filing = ctx.services.residentFiling;
  // Said before the dialogue goes on, so a resident at the limit is not walked through it for nothing.
  const overLimit = await filing.overLimit(ctx.message, 'start');
  if (overLimit) return { ok: false, reply: overLimit, end: true };
  // Kept as typed (full-width punctuation and all); only the checks read folded text.
  const what = filing.checkContent(answer);
  const community = await filing.sceneCommunity(ctx.message.scene);
  if (community) return { ok: true, values: { what, community, communityLabel: community } };
  if ((await filing.communityNames()).length === 0) return { ok: true, values: { what, community: NOT_SURE, communityLabel: t.notSure } };
  return { ok: true, values: { what } };
}

/** Photos until they say 好了 / 没有 (or give their phone at once). */
async function readPhotos(answer: string, ctx: CommandContext): Promise<AnswerReading> {
  const photo = withPhoto(ctx);
  if (photo) return { ok: false, values: { photoIds: photo.photoIds }, reply: ctx.t.residents.photoReceived(photo.count), askAgain: false };
  return { ok: true, values: { photos: 'done', ...contactIn(answer) } };
}

/** A name and phone for a call back, or 不用; a photo still comes in. */
async function readContact(answer: string, ctx: CommandContext): Promise<AnswerReading> {
  const t = ctx.t.residents;
  const photo = withPhoto(ctx);
  if (photo) return { ok: false, values: { photoIds: photo.photoIds }, reply: t.photoReceived(photo.count) };
  const word = plain(answer);
  if (isOneOf(word, words(ctx.t).skip) || isOneOf(word, words(ctx.t).no)) return { ok: true, values: { contact: 'none' } };
  const contact = contactIn(answer);
  return contact ? { ok: true, values: contact } : { ok: false, reply: t.badPhone, askAgain: false };
}

/**
 * A resident's filing on the residents' service (微信客服), as an ordinary guided dialogue in the
 * residents' conversation mode (never typed as a command; registered in the residents' registry
 * only): what happened → where (from the QR code, else a numbered list) → photos until 好了/没有 →
 * a phone for a call back → the summary, answered in plain words → filed, or a similar open
 * opinion to join (1) or not (2). The filing itself is `ResidentFiling`'s.
 */
export const residentFileCommand: CommandSpec = {
  id: 'resident-file',
  name: '居民反映',
  aliases: [],
  minRole: 'resident',
  args: [
    { name: 'what', kind: 'text', required: true },
    { name: 'community', kind: 'word', required: true },
    { name: 'photos', kind: 'word', required: true },
    { name: 'contact', kind: 'text', required: true },
    { name: 'similar', kind: 'word', required: false },
  ],
  dialogue: {
    lifetimeMs: RESIDENT_DIALOGUE_MS,
    hints: 'plain',
    leave: {
      // 不用了 asked for a photo or a call back means "no", not "give up".
      is: (t, answer, asking) =>
        isOneOf(plain(answer), words(t).cancel) &&
        !((asking === 'photos' || asking === 'contact') && isOneOf(plain(answer), words(t).skip)),
      reply: (t) => t.residents.cancelled,
    },
    confirmation: {
      read: (t, answer) => {
        const word = plain(answer);
        if (isOneOf(word, words(t).yes)) return 'yes';
        return isOneOf(word, words(t).modify) || isOneOf(word, words(t).no) ? 'restart' : undefined;
      },
      restarted: (t) => t.residents.restart,
      remind: (t) => t.residents.confirmRemind,
    },
  },
  prompts: {
    what: { ask: (t) => t.residents.askWhat, read: readWhat },
    community: {
      ask: (t) => t.residents.askWhere,
      choices: async (ctx) => [
        ...(await ctx.services.residentFiling.communityNames()).map((name) => ({ label: name, value: name })),
        { label: ctx.t.residents.notSure, value: NOT_SURE },
      ],
      read: async (answer, ctx, choices) => {
        const t = ctx.t.residents;
        const picked = ctx.message.image ? undefined : pickChoice(plain(answer), choices);
        if (picked) return { ok: true, values: { community: picked.value, communityLabel: picked.label } };
        return {
          ok: false,
          reply: [t.badWhere(plain(answer)), ...choices.map((c, i) => t.whereLine(i + 1, c.label))].join('\n'),
          askAgain: false,
        };
      },
    },
    photos: { ask: (t, args) => t.residents.askPhoto(args.communityLabel ?? t.residents.notSure), read: readPhotos },
    contact: { ask: (t) => t.residents.askPhone, read: readContact },
    similar: {
      onlyWhenAsked: true,
      ask: (t, args) => t.residents.similar(args.similarTo ?? '', args.similarSummary ?? '', Number(args.similarCount ?? 0)),
      read: async (answer, ctx) => {
        const w = words(ctx.t);
        const word = plain(answer);
        if (isOneOf(word, w.plusOne) || isOneOf(word, w.yes)) return { ok: true, values: { similar: 'join' } };
        if (isOneOf(word, w.separate) || isOneOf(word, w.no)) return { ok: true, values: { similar: 'separate' } };
        return { ok: false, reply: ctx.t.residents.similarRemind, askAgain: false };
      },
    },
  },
  confirmDialogue: async (ctx) => {
    const t = ctx.t.residents;
    const { phone, name } = ctx.args;
    const contact = phone ? maskContact({ ...(name ? { name } : {}), phone }) : t.noCallback;
    return t.confirm(ctx.args.what ?? '', ctx.args.communityLabel ?? t.notSure, photosOf(ctx.args).length, contact);
  },
  texts: (t) => t.residents.fileCommand,
  handler: async (ctx) => {
    const t = ctx.t.residents;
    const filing = ctx.services.residentFiling;
    const report = reportOf(ctx.args);
    if (ctx.args.similar === 'join') return t.plusOned((await filing.plusOne(ctx.message, report, ctx.args.similarTo ?? '')).number);
    const overLimit = await filing.overLimit(ctx.message, 'file');
    // Kept to confirm (or choose) later.
    if (overLimit) return { askNext: { text: overLimit } };
    const outcome = ctx.args.similar === 'separate' ? await filing.fileAnyway(ctx.message, report) : await filing.file(ctx.message, report);
    if (outcome.kind === 'similar') {
      const similar = { similarTo: outcome.number, similarSummary: outcome.summary, similarCount: String(outcome.plusOnes) };
      return { askNext: { arg: 'similar', args: { ...similar, similar: undefined } } };
    }
    const filed = t.filed(outcome.opinion.number);
    return outcome.onDutyNotified ? `${filed}\n${t.filedOnDuty}` : filed;
  },
};
