import { YishiError } from '../../core/errors.js';
import type { Messages } from '../../i18n/messages.js';
import type { MemberRepository } from '../members/member-records.js';
import { OPINION_GRADES, type OpinionGrade, type OpinionRecord } from '../opinions/opinion-records.js';
import type { OpinionService } from '../opinions/opinion-service.js';
import type { BoardViewer, OpinionBoard } from './opinion-board.js';

/** The board's actions, by code, with what each needs (the chat command it mirrors in brackets). */
export type BoardAction =
  | { action: 'accept' } // 受理
  | { action: 'grade'; grade: OpinionGrade } // 分级
  | { action: 'assign'; handlerId: string } // 分派
  | { action: 'resolve'; result: string } // 办结
  | { action: 'resolveOnSpot'; result: string } // 当场办结
  | { action: 'escalate'; reason?: string } // 转协商
  | { action: 'decline'; reason: string } // 不予受理
  | { action: 'merge'; into: string } // 合并
  | { action: 'reclassify'; community?: string; category?: string } // 改分类
  | { action: 'reopen'; reason: string }; // 重新打开

export const BOARD_ACTIONS = [
  'accept',
  'grade',
  'assign',
  'resolve',
  'resolveOnSpot',
  'escalate',
  'decline',
  'merge',
  'reclassify',
  'reopen',
] as const;
export { OPINION_GRADES };

/**
 * Runs a board action through the same service method as its chat command (so the same checks
 * refuse and the same notices go out), and says beforehand what will change and who will be told.
 */
export class BoardActions {
  constructor(private readonly deps: { board: OpinionBoard; opinions: OpinionService; members: MemberRepository; messages: Messages }) {}

  async preview(viewer: BoardViewer, word: string, request: BoardAction): Promise<{ changes: string[]; notified: string[] }> {
    const opinion = await this.deps.board.load(viewer, word);
    const t = this.deps.messages.workbench.board;
    const n = opinion.number;
    const filer = t.notified.filer;
    // A preview promises what 确认 would do: one it would refuse for this viewer or this state is refused here too.
    if (!this.deps.board.allowedActions(viewer, opinion).includes(request.action)) {
      const words = this.deps.messages.opinions;
      const action = (words.actions as Record<string, string>)[request.action] ?? request.action;
      throw new YishiError('action_not_allowed', { status: 409, userMessage: t.notAllowedNow(n, words.states[opinion.state], action) });
    }
    switch (request.action) {
      case 'accept': {
        const starting = opinion.state === 'assigned';
        return { changes: [starting ? t.preview.start(n) : t.preview.accept(n)], notified: [filer] };
      }
      case 'grade':
        return { changes: [t.preview.grade(n, this.deps.messages.opinions.grades[request.grade] ?? request.grade)], notified: [] };
      case 'assign': {
        const handler = await this.deps.members.findById(request.handlerId);
        if (!handler?.active) throw new YishiError('member_not_found', { status: 404, userMessage: t.noSuchHandler });
        const name = handler.name;
        return { changes: [t.preview.assign(n, name)], notified: [t.notified.handler(name), filer] };
      }
      case 'resolve':
        return { changes: [t.preview.resolve(n, request.result)], notified: [filer] };
      case 'resolveOnSpot':
        return { changes: [t.preview.resolveOnSpot(n, request.result)], notified: [filer] };
      case 'escalate':
        return { changes: [t.preview.escalate(n)], notified: [filer] };
      case 'decline':
        return { changes: [t.preview.decline(n, request.reason)], notified: [filer] };
      case 'merge':
        return { changes: [t.preview.merge(n, request.into)], notified: [filer] };
      case 'reclassify': {
        const labels = this.deps.messages.opinions.classificationLabels;
        const what = (['community', 'category'] as const)
          .filter((f) => request[f])
          .map((f) => `${labels[f]} ${request[f]}`)
          .join('，');
        return { changes: [t.preview.reclassify(n, what)], notified: [] };
      }
      case 'reopen':
        return { changes: [t.preview.reopen(n)], notified: [t.notified.handler(await this.handlerName(opinion))] };
    }
  }

  /** Runs the action; returns the opinion as it is afterwards. */
  async run(viewer: BoardViewer, word: string, request: BoardAction): Promise<OpinionRecord> {
    const opinion = await this.deps.board.load(viewer, word);
    const caller = this.deps.board.callerOf(viewer);
    const { triage, closing } = this.deps.opinions;
    const n = opinion.number;
    switch (request.action) {
      case 'accept':
        return triage.accept(caller, n);
      case 'grade':
        return triage.grade(caller, n, request.grade);
      case 'assign':
        return triage.assign(caller, n, request.handlerId, request.handlerId);
      case 'resolve':
        await closing.checkResolve(caller, n);
        return closing.resolve(caller, n, request.result);
      case 'resolveOnSpot':
        return closing.resolveOnSpot(caller, n, request.result);
      case 'escalate':
        return triage.escalate(caller, n);
      case 'decline':
        await triage.checkDecline(caller, n);
        return triage.decline(caller, n, request.reason);
      case 'merge':
        await triage.checkMerge(caller, n, request.into);
        return (await triage.merge(caller, n, request.into)).opinion;
      case 'reclassify': {
        if (!request.community && !request.category) throw new YishiError('invalid_request', { status: 400 });
        let latest = opinion;
        if (request.community) latest = (await triage.reclassify(caller, n, 'community', request.community)).opinion;
        if (request.category) latest = (await triage.reclassify(caller, n, 'category', request.category)).opinion;
        return latest;
      }
      case 'reopen':
        return closing.reopen(caller, n, request.reason);
    }
  }

  /** 分派 several at once: each on its own, so one refusal does not stop the others. */
  async assignMany(viewer: BoardViewer, ids: string[], handlerId: string): Promise<Array<{ id: string; ok: boolean; message?: string }>> {
    const results: Array<{ id: string; ok: boolean; message?: string }> = [];
    for (const id of ids) {
      try {
        await this.run(viewer, id, { action: 'assign', handlerId });
        results.push({ id, ok: true });
      } catch (error) {
        if (!(error instanceof YishiError) || !error.userMessage) throw error;
        results.push({ id, ok: false, message: error.userMessage });
      }
    }
    return results;
  }

  private async handlerName(opinion: OpinionRecord): Promise<string> {
    return opinion.handlerId ? ((await this.deps.members.findById(opinion.handlerId))?.name ?? '') : this.deps.messages.opinions.noHandler;
  }
}
