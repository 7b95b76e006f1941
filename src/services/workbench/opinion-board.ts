import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import { YishiError } from '../../core/errors.js';
import type { Actor } from '../../core/roles.js';
import type { Messages } from '../../i18n/messages.js';
import type { IncomingMessage } from '../../platforms/types.js';
import type { MemberRecord, MemberRepository } from '../members/member-records.js';
import {
  OPINION_STATES,
  OVERDUE_STATES,
  opinionSortKey,
  type OpinionListFilter,
  type OpinionRecord,
  type OpinionRepository,
  type OpinionSort,
  type OpinionState,
} from '../opinions/opinion-records.js';
import type { OpinionService } from '../opinions/opinion-service.js';
import type { Caller } from '../opinions/types.js';
import { maskContact } from '../privacy/resident-contact.js';
import { workbenchActor } from './workbench-sessions.js';

/** Words in the text are matched in code over at most this many opinions of the other filters (newest first). */
export const TEXT_SCAN_LIMIT = 2_000;
const LIST_CONTENT_CHARS = 120;

export interface BoardQuery {
  filter: OpinionListFilter;
  sort: OpinionSort;
  page: number;
  pageSize: number;
  words: string[];
}

/** Where the board's list reads: the read model (board-read-model.ts), or the repository itself. */
export type BoardReads = Pick<OpinionRepository, 'boardPage' | 'list'>;

/** Who looks at the board: a signed-in member, or a machine with the admin token (sees all, acts as 管理接口). */
export type BoardViewer = { kind: 'member'; member: MemberRecord } | { kind: 'token' };

const TOKEN_ACTOR: Actor = { role: 'admin', name: '管理接口', platform: 'admin-api', platformUserId: 'admin-api' };

/**
 * The opinion board (民意看板) of the workbench: the list with its scope per role, the detail with
 * its timeline, and every action through the same services as the chat commands, so the same
 * notices go out and the same rules refuse.
 */
export class OpinionBoard {
  constructor(
    private readonly deps: {
      opinions: OpinionService;
      members: MemberRepository;
      messages: Messages;
      clock: Clock;
      /** Residents' photos of an opinion (微信客服), counted in the detail; GET /api/opinions/:id/photos/:index serves them. */
      photos?: { listFor(opinionNumber: string): Promise<readonly unknown[]> };
      /** Where the list reads; default: the opinion repository. */
      reads?: BoardReads;
    },
  ) {}

  /** The caller the opinion services see: a private, signed-in place like a direct chat. */
  callerOf(viewer: BoardViewer): Caller {
    const actor = viewer.kind === 'member' ? workbenchActor(viewer.member) : TOKEN_ACTOR;
    const message: IncomingMessage = {
      platform: 'console',
      messageId: `workbench:${randomUUID()}`,
      chat: { id: `workbench:${actor.platformUserId}`, kind: 'direct' },
      sender: { platformUserId: actor.platformUserId, identityKey: `workbench:${actor.platformUserId}` },
      source: 'console',
      text: '',
      mentionedBot: false,
      mentions: [],
      receivedAt: this.deps.clock.now(),
    };
    return { actor, message };
  }

  /** Members whose opinions (filed or handled) the viewer may see; undefined: all (staff, admins, the token). */
  async scopeOf(viewer: BoardViewer): Promise<string[] | undefined> {
    if (viewer.kind === 'token' || viewer.member.role !== 'member') return undefined;
    if (!viewer.member.isConvenor) return [viewer.member.id];
    const sector = await this.deps.members.list({ sector: viewer.member.sector });
    return [...new Set([viewer.member.id, ...sector.map((m) => m.id)])];
  }

  async list(viewer: BoardViewer, query: BoardQuery) {
    const scope = await this.scopeOf(viewer);
    const filter: OpinionListFilter = { ...query.filter, ...(scope ? { scopeMemberIds: scope } : {}) };
    const { state: _state, states: _states, ...withoutState } = filter;
    const repo = this.deps.reads ?? this.deps.opinions.deps.opinions;
    let items: OpinionRecord[];
    let total: number;
    let countsByState: Partial<Record<OpinionState, number>>;
    let truncated = false;
    if (query.words.length > 0) {
      // Words scan the newest opinions of the other filters (FerretDB has no text index), capped.
      const scanned = await repo.list(withoutState, { skip: 0, limit: TEXT_SCAN_LIMIT }, '-createdAt');
      truncated = scanned.total > TEXT_SCAN_LIMIT;
      const words = query.words.map((w) => w.toLowerCase());
      const hits = scanned.items.filter((o) => words.every((w) => o.content.toLowerCase().includes(w)));
      countsByState = {};
      for (const o of hits) countsByState[o.state] = (countsByState[o.state] ?? 0) + 1;
      const inState = filter.state ? hits.filter((o) => o.state === filter.state) : hits;
      const sorted = sortInCode(inState, query.sort);
      total = sorted.length;
      items = sorted.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
    } else {
      const skip = (query.page - 1) * query.pageSize;
      ({ items, total, countsByState } = await repo.boardPage(filter, { skip, limit: query.pageSize }, query.sort));
    }
    return {
      items: await this.listItems(viewer, items),
      total,
      page: query.page,
      pageSize: query.pageSize,
      countsByState: Object.fromEntries(OPINION_STATES.map((s) => [s, countsByState[s] ?? 0])),
      ...(truncated ? { truncated } : {}),
    };
  }

  /** The opinion if the viewer may see it; 404 / 403 with a sentence otherwise. */
  async load(viewer: BoardViewer, word: string): Promise<OpinionRecord> {
    const opinion = await this.deps.opinions.find(word);
    if (!opinion) {
      throw new YishiError('opinion_not_found', { status: 404, userMessage: this.deps.messages.opinions.errors.notFound(word) });
    }
    const scope = await this.scopeOf(viewer);
    if (scope && !scope.some((id) => id === opinion.handlerId || id === opinion.filer.id)) {
      throw new YishiError('opinion_out_of_scope', { status: 403, userMessage: this.deps.messages.workbench.errors.opinion_out_of_scope! });
    }
    return opinion;
  }

  async detail(viewer: BoardViewer, word: string) {
    const opinion = await this.load(viewer, word);
    const caller = this.callerOf(viewer);
    const view = await this.deps.opinions.queries.progress(caller, opinion.number);
    const t = this.deps.messages.opinions;
    const [item] = await this.listItems(viewer, [opinion]);
    return {
      ...item!,
      content: view.content,
      ...(view.result ? { result: view.result } : {}),
      ...(opinion.reason ? { reason: opinion.reason } : {}),
      ...(opinion.mergedInto ? { mergedInto: opinion.mergedInto } : {}),
      photos: this.deps.photos ? (await this.deps.photos.listFor(opinion.number)).length : 0,
      contact: await this.maskedContact(opinion),
      timeline: (view.history ?? []).map((entry) => ({
        at: entry.at,
        actorName: entry.whoName ?? (entry.whoRole === 'resident' ? '居民' : entry.whoRole === 'system' ? '系统' : entry.who),
        action: entry.action,
        label: (t.actions as Record<string, string>)[camel(entry.action)] ?? entry.action,
        ...(entry.to ? { state: entry.to } : {}),
        detail: entry.note ?? '',
      })),
      allowedActions: this.allowedActions(viewer, opinion),
    };
  }

  /** 查看联系方式: the same service as chat (privacy gate, audited before anything is read). */
  async revealContact(viewer: BoardViewer, word: string): Promise<{ name?: string; phone?: string }> {
    const opinion = await this.load(viewer, word);
    return (await this.deps.opinions.closing.revealContact(this.callerOf(viewer), opinion.number)).contact;
  }

  /** What the viewer may try on this opinion (the services check again when it is tried). */
  allowedActions(viewer: BoardViewer, opinion: OpinionRecord): string[] {
    const staff = viewer.kind === 'token' || viewer.member.role !== 'member';
    const me = viewer.kind === 'member' ? viewer.member.id : undefined;
    const byState: Record<OpinionState, string[]> = {
      submitted: ['accept', 'resolveOnSpot', 'decline', 'merge', 'reclassify'],
      accepted: ['grade', 'assign', 'resolve', 'escalate', 'merge', 'reclassify'],
      assigned: ['accept', 'grade', 'assign', 'resolve', 'escalate', 'reclassify'],
      in_progress: ['grade', 'assign', 'resolve', 'escalate', 'reclassify'],
      resolved: ['reopen'],
      escalated: ['reclassify'],
      merged: [],
      declined: [],
      closed: ['reopen'],
    };
    return byState[opinion.state].filter((action) => {
      if (staff) return !(action === 'accept' && opinion.state === 'assigned');
      if (action === 'accept') return opinion.state === 'assigned' ? opinion.handlerId === me : opinion.queueMemberId === me;
      if (action === 'resolve' || action === 'resolveOnSpot') return opinion.handlerId === me || opinion.queueMemberId === me;
      if (action === 'reopen') return opinion.filer.id === me;
      return false;
    });
  }

  private async listItems(viewer: BoardViewer, items: OpinionRecord[]) {
    const caller = this.callerOf(viewer);
    const summaries = await this.deps.opinions.queries.summaries(caller, items, LIST_CONTENT_CHARS);
    const handlerIds = [...new Set(items.map((o) => o.handlerId).filter((id): id is string => !!id))];
    // The page's handlers by id: served from the members' hot-read cache (src/composition/hot-reads.ts), so a
    // page costs no store round trip once they were read (a read of every member was one on every list).
    const handlers = new Map(
      (await Promise.all(handlerIds.map((id) => this.deps.members.findById(id)))).flatMap((m) => (m ? [[m.id, m.name] as const] : [])),
    );
    const now = this.deps.clock.now();
    return items.map((o, i) => ({
      id: o.id,
      number: o.number,
      state: o.state,
      content: summaries[i]!,
      ...(o.community ? { community: o.community } : {}),
      ...(o.category ? { category: o.category } : {}),
      ...(o.grade ? { grade: o.grade } : {}),
      ...(o.handlerId ? { handlerId: o.handlerId, handlerName: handlers.get(o.handlerId) ?? '' } : {}),
      plusOnes: { count: o.plusOnes.count },
      createdAt: o.createdAt,
      ...(o.deadline ? { deadline: o.deadline } : {}),
      overdue: OVERDUE_STATES.includes(o.state) && !!o.deadline && o.deadline < now,
      source: o.source,
    }));
  }

  private async maskedContact(opinion: OpinionRecord): Promise<{ masked: string } | null> {
    const { residents, members } = this.deps.opinions.deps;
    const who =
      opinion.filer.kind === 'resident'
        ? await residents.findById(opinion.filer.id)
        : opinion.filer.kind === 'member'
          ? await members.findById(opinion.filer.id)
          : null;
    const masked = who ? maskContact({ ...(who.name ? { name: who.name } : {}), ...(who.phone ? { phone: who.phone } : {}) }) : '';
    return masked ? { masked } : null;
  }
}

const camel = (action: string) => action.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

function sortInCode(items: OpinionRecord[], sort: OpinionSort): OpinionRecord[] {
  const { direction, value } = opinionSortKey(sort);
  return [...items].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    return (x < y ? -direction : x > y ? direction : 0) || b.createdAt.getTime() - a.createdAt.getTime();
  });
}
