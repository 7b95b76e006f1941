/** 协商成果与督办：登记成果、落实、提醒、督办。 */
export const outcomesZh = {
  commands: {
    add: {
      usage: '成果登记 <活动编号|民意编号> <责任单位或委员> <完成时限> <成果内容>',
      description: '把活动结果或转协商民意的协商成果登记为一项待落实的成果，写明责任单位（或委员）和完成时限（工作人员）',
      examples: ['成果登记 7 区住建局 2026-12-31 年底前完成青石社区加装电梯选址', '成果登记 MY-2026-000123 张委员 12月20日 牵头走访核实'],
    },
    handle: {
      usage: '成果办理 <成果编号> <已落实 [说明]|未落实 原因|重新落实 原因>',
      description:
        '记下一项成果已落实或未落实（未落实要写原因）；已落实时告知提出该民意的群众。误记的可用“重新落实 原因”改回落实中（工作人员）',
      examples: [
        '成果办理 CG-2026-0001 已落实',
        '成果办理 CG-2026-0002 未落实 用地指标未获批准',
        '成果办理 CG-2026-0003 重新落实 误记为已落实',
      ],
    },
    extend: {
      usage: '成果延期 <成果编号> <新的完成时限> <延期原因>',
      description: '把一项落实中的成果的完成时限往后延，要写明原因；新时限到期前再提醒一次，逾期仍未落实再督办一次（工作人员）',
      examples: ['成果延期 CG-2026-0001 2026-12-31 用地审批尚未完成', '成果延期 CG-2026-0002 1月15日 等待年度预算下达'],
    },
    list: {
      usage: '成果列表 [活动编号|民意编号|逾期]',
      description: '查看协商成果及落实情况：全部落实中的、某次活动或某条民意的，或已逾期的',
      examples: ['成果列表', '成果列表 7', '成果列表 逾期'],
    },
  },
  states: { 'in-progress': '落实中', delivered: '已落实', 'not-delivered': '未落实' },
  /** Words staff type for a step. */
  stateWords: {
    'in-progress': ['落实中', '重新落实', '改回落实中'],
    delivered: ['已落实', '落实', '完成', '已完成'],
    'not-delivered': ['未落实', '未完成'],
  } as Record<'in-progress' | 'delivered' | 'not-delivered', string[]>,
  overdueWords: ['逾期', '超期', '已逾期'],
  overdueTag: '（已逾期）',
  supervisedTag: '（已督办）',
  line: (number: string, text: string, responsible: string, dueDate: string, state: string, tag: string) =>
    `${number} ${text} — 责任：${responsible} · 时限 ${dueDate} · ${state}${tag}`,
  listTitle: (count: number) => `协商成果 ${count} 项：`,
  listNone: '没有符合条件的协商成果。',
  preview: (source: string, text: string, responsible: string, dueDate: string) =>
    `将为${source}登记一项协商成果：${text}\n责任：${responsible}\n完成时限：${dueDate}`,
  sourceEvent: (number: number, title: string) => `活动“${title}”（编号 ${number}）`,
  sourceOpinion: (number: string) => `民意 ${number}`,
  settles: (numbers: string) => `涉及民意：${numbers}`,
  added: (number: string, text: string, dueDate: string) =>
    `已登记协商成果 ${number}：${text}，完成时限 ${dueDate}。到期前 3 天提醒责任方，逾期仍未落实将督办一次。`,
  stepPreview: (number: string, text: string, state: string, note: string | undefined) =>
    `将把协商成果 ${number}（${text}）改为：${state}${note ? `（${note}）` : ''}。`,
  filersTold: (numbers: string) => `提出民意 ${numbers} 的群众`,
  done: (number: string, state: string) => `协商成果 ${number} 已改为：${state}。`,
  /** To the responsible member when the item is entered. */
  assigned: (number: string, text: string, dueDate: string) =>
    `您被确定为协商成果 ${number} 的落实责任人：${text}。完成时限 ${dueDate}，落实后请告知政协办公室。`,
  reminder: (number: string, text: string, responsible: string, dueDate: string, days: number) =>
    `【成果落实提醒】协商成果 ${number}：${text}\n责任：${responsible}，完成时限 ${dueDate}（还有 ${days} 天）。`,
  supervision: (number: string, text: string, responsible: string, dueDate: string, source: string) =>
    `【督办】协商成果 ${number} 已过完成时限 ${dueDate}，仍在落实中：${text}\n责任：${responsible}（来自${source}）。请督促落实，落实后用“成果办理 ${number} 已落实”记下。`,
  delivered: (opinion: string, text: string) => `您反映的问题（${opinion}）经协商形成的成果已经落实：${text}。感谢您的反映！`,
  detailTitle: '协商成果：',
  /** For residents: no numbers or command words. */
  plainLine: (text: string, state: string, dueDate: string) => `· ${text}（${state}，完成时限 ${dueDate}）`,
  digest: (total: number, delivered: number, inProgress: number, overdue: number, notDelivered: number) =>
    `成果落实：成果 ${total} 项：已落实 ${delivered}，落实中 ${inProgress}（逾期 ${overdue}），未落实 ${notDelivered}`,
  apiActor: '管理接口',
  unknownMember: '（已删除的委员）',
  /** 延期 */
  extendPreview: (number: string, text: string, from: string, to: string, reason: string) =>
    `将把协商成果 ${number}（${text}）的完成时限由 ${from} 延至 ${to}。\n延期原因：${reason}\n新时限到期前 3 天再提醒；逾期仍未落实，再督办一次。`,
  extended: (number: string, to: string, count: number) => `协商成果 ${number} 的完成时限已延至 ${to}（第 ${count} 次延期）。`,
  /** To the responsible member. */
  extendedNotice: (number: string, text: string, from: string, to: string, reason: string) =>
    `协商成果 ${number}（${text}）的完成时限已由 ${from} 延至 ${to}，原因：${reason}。请在新的时限前落实，落实后请告知政协办公室。`,
  extendedTag: (count: number) => `（已延期 ${count} 次）`,
  /** 重新落实 */
  reopenPreview: (number: string, text: string, state: string, reason: string) =>
    `将把协商成果 ${number}（${text}）由“${state}”改回落实中，重新落实。\n原因：${reason}`,
  creditWithdrawn: '这项成果记入组织者履职档案的“组织的协商活动成果已落实”将撤回，再次落实时重新计入。',
  reopened: (number: string, dueDate: string) =>
    `协商成果 ${number} 已改回落实中，完成时限仍为 ${dueDate}；如需延期，请用“成果延期 ${number} <新的完成时限> <原因>”。`,
  /** 履职档案: results of events the member ran that were delivered. */
  cardLine: (count: number) => `组织的协商活动成果已落实 ${count} 项`,
  errors: {
    badNumber: (word: string) => `“${word}”不是协商成果编号，编号形如 CG-2026-0001。`,
    notFound: (number: string) => `没有找到协商成果 ${number}。`,
    badSource: (word: string) => `“${word}”既不是活动编号也不是民意编号。`,
    noEventOutcome: (number: number, title: string) =>
      `活动“${title}”（编号 ${number}）还没有记录活动结果，请先用“活动结果 ${number} <内容>”记下，再登记成果。`,
    eventCancelled: (title: string) => `活动“${title}”已取消，不能登记成果。`,
    opinionNotFound: (number: string) => `没有找到民意 ${number}。`,
    notEscalated: (number: string) => `民意 ${number} 没有转为协商议题，不能登记协商成果；请先“转协商”，或在活动结果中登记。`,
    textEmpty: '请写明成果内容。',
    textTooLong: (max: number) => `成果内容不能超过 ${max} 字。`,
    responsibleEmpty: '请写明责任单位或责任委员。',
    dueDateInvalid: (word: string) => `“${word}”不是日期，请写成 2026-12-31 或 12月31日。`,
    dueDatePast: (date: string, today: string) => `完成时限 ${date} 已经过去（今天是 ${today}），请写今天或以后的日期。`,
    stepUnknown: (word: string) => `“${word}”不是办理结果，请写“已落实”“未落实 原因”或“重新落实 原因”。`,
    reasonNeeded: '未落实要写明原因，例如：成果办理 CG-2026-0002 未落实 用地指标未获批准。',
    final: (number: string, state: string) =>
      `协商成果 ${number} 已是“${state}”，不能直接改为其他结果；如是误记，请先用“成果办理 ${number} 重新落实 原因”改回落实中。`,
    reopenReasonNeeded: '改回落实中要写明原因，例如：成果办理 CG-2026-0002 重新落实 误记为已落实。',
    extendNotOpen: (number: string, state: string) => `协商成果 ${number} 已是“${state}”，只有落实中的成果才能延期。`,
    extendNotLater: (to: string, current: string) => `新的完成时限 ${to} 要晚于现在的完成时限 ${current}。`,
    extendReasonNeeded: '延期要写明原因，例如：成果延期 CG-2026-0001 2026-12-31 用地审批尚未完成。',
    sameState: (number: string, state: string) => `协商成果 ${number} 现在就是${state}。`,
    memberNotFound: (id: string) => `没有找到委员 ${id}。`,
    opinionNotLinked: (number: string) => `民意 ${number} 不在这次活动结果涉及的民意中。`,
  },
};
