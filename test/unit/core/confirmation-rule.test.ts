import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../commands/index.js';
import { zhCN } from '../../../src/i18n/zh-CN.js';

/**
 * The rule of issue 21: every command that changes what someone else will see asks for 确认 with
 * a preview of the change and of who will be told. This list is the decision, command by command;
 * a new command must take its place in one of the two lists.
 */
const CONFIRMS = [
  'accept-opinion', // 受理: state, the filer is told
  'resolve-on-spot', // 当场办结
  'resolve-opinion', // 办结
  'grade-opinion', // 分级: the time limit changes
  'assign-opinion', // 分派: the handler and the filer are told
  'escalate-opinion', // 转协商
  'decline-opinion', // 不予受理
  'merge-opinion', // 合并
  'reclassify-opinion', // 改分类
  'reopen-opinion', // 重新打开: back to the handler
  'swap-shift', // 换班: the asked member is asked
  'swap-agree', // 同意: the roster changes
  'generate-roster', // 排班
  'event-outcome', // 活动结果: resolves opinions, their filers are told
  'delete-member', // 删除成员
  'handle-social-report', // 社情民意办理: the report's state, the reporter is told
  'add-outcome', // 成果登记: a 成果 item with its responsible unit or member (told) and due date
  'handle-outcome', // 成果办理: 已落实 / 未落实 (the filers of its opinions are told) / 重新落实 (a delivery credit withdrawn)
  'extend-outcome', // 成果延期: the due date, its reminder and 督办 start again; a responsible member is told
];

/** Reading, or changing only one's own things (filing, +1, signing up, checking in, drafting, one's own rating). */
const NO_CONFIRMATION = [
  'help',
  'file-opinion', // its guided dialogue ends with its own 确认
  'file-anyway',
  'plus-one',
  'my-opinions',
  'opinion-progress',
  'rate-opinion', // the filer's answer to the question Yishi asked them (one more reply would cost a resident one of WeCom's five)
  'opinion-queue',
  'overdue-opinions',
  'reveal-contact', // reads, and is audited
  'duty',
  'my-duty',
  'duty-check-in',
  'swap-refuse', // answers the asker; the roster stays as it is
  'event-programme',
  'events',
  'event-detail',
  'event-sign-up',
  'event-cancel-sign-up',
  'event-check-in',
  'my-record',
  'my-points',
  'my-annual-report', // answers with a sign-in link for the asker alone, as 工作台
  'draft-proposal',
  'member-record',
  'stats',
  'submit-proposal', // the member's own draft handed in, like 反映: nothing of anyone else's changes
  'register-group', // a setup act typed in the very group it registers, seen there at once; typing it again corrects it
  'workbench-link', // answers with a sign-in link for the asker alone
  'send-social-report', // its guided dialogue ends with its own 确认, like 提案
  'my-social-reports',
  'open-social-reports',
  'list-outcomes',
];

describe('the confirmation rule', () => {
  const registry = buildRegistry();

  it('places every command in one list or the other', () => {
    expect([...CONFIRMS, ...NO_CONFIRMATION].sort()).toEqual(registry.commands.map((c) => c.id).sort());
  });

  it.each(CONFIRMS)('%s asks for 确认 with a preview', (id) => {
    expect(registry.byId(id)!.confirm?.preview).toBeTypeOf('function');
  });

  it.each(NO_CONFIRMATION)('%s runs at once', (id) => {
    expect(registry.byId(id)!.confirm).toBeUndefined();
  });

  it('takes only 确认, 是 and 确定 as a yes (好的 is not)', () => {
    expect(zhCN.core.words.confirm).toEqual(['确认', '是', '确定']);
    for (const soft of ['好的', '好', '可以', '对', 'ok', '嗯']) expect(zhCN.core.words.confirm).not.toContain(soft);
  });
});
