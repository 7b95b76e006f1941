import { opinionCommandsZh } from './opinion-commands.js';

/** 民意闭环：反映、受理、分派、办结、评价、逾期提醒等用语。 */
export const opinionsZh = {
  commands: opinionCommandsZh,
  states: {
    submitted: '已提交',
    accepted: '已受理',
    assigned: '已分派',
    in_progress: '办理中',
    resolved: '已办结',
    escalated: '已转协商议题',
    merged: '已合并',
    declined: '不予受理',
    closed: '已归档',
  } as Record<string, string>,
  grades: { simple: '简易', general: '一般', complex: '复杂' } as Record<string, string>,
  gradeWords: {
    简易: 'simple',
    当场: 'simple',
    一般: 'general',
    复杂: 'complex',
    simple: 'simple',
    general: 'general',
    complex: 'complex',
  } as Record<string, 'simple' | 'general' | 'complex'>,
  ratings: { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' } as Record<string, string>,
  ratingWords: {
    满意: 'satisfied',
    基本满意: 'basically',
    不满意: 'unsatisfied',
    satisfied: 'satisfied',
    ok: 'basically',
    unsatisfied: 'unsatisfied',
  } as Record<string, 'satisfied' | 'basically' | 'unsatisfied'>,
  /** 评价或退回时说的话：“基本满意：地砖换了但颜色不一样”。 */
  reasonNote: (label: string, reason: string) => `${label}：${reason}`,
  unclassified: '未分类',
  /** 社区还不知道（居民没说、扫的不是社区码）：待工作人员确认，不是“未分类”。 */
  unknownCommunity: '待确认',
  noDeadline: '未定',
  noHandler: '未分派',
  actions: {
    file: '反映',
    plusOne: '附议',
    accept: '受理',
    grade: '分级',
    assign: '分派',
    resolve: '办结',
    resolveOnSpot: '当场办结',
    escalate: '转协商',
    decline: '不予受理',
    merge: '合并',
    mergeTarget: '合并到',
    rate: '评价',
    reopen: '重新打开',
    revealContact: '查看联系方式',
    progress: '查看进度',
    reclassify: '改分类',
  },
  /** 改分类 的第二个词：改社区还是改类别。 */
  classificationWords: { 社区: 'community', 类别: 'category', 分类: 'category', community: 'community', category: 'category' } as Record<
    string,
    'community' | 'category'
  >,
  classificationLabels: { community: '社区', category: '类别' } as Record<'community' | 'category', string>,
  errors: {
    badNumber: (word: string) => `“${word}”不是有效的编号。编号形如 MY-2026-000123，也可以只写后面的数字，例如 123。`,
    notFound: (number: string) => `没有找到编号为 ${number} 的反映，请核对编号后再试。`,
    wrongState: (number: string, state: string, action: string) => `${number} 目前的状态是“${state}”，不能${action}。`,
    notYours: (number: string, action: string) => `抱歉，您不能对 ${number} 进行“${action}”：这件事不归您办理或不是您提交的。`,
    changedMeanwhile: (number: string, action: string) =>
      `${number} 刚刚被其他人处理过，“${action}”没有执行。请发送“进度 ${number}”查看最新状态。`,
    emptyContent: '请写下您要反映的内容，例如：反映 青石社区3号楼路灯坏了一周了。',
    tooLong: (length: number, max: number) => `内容有 ${length} 个字，超过了 ${max} 字的上限。请精简后分几条发送，这次没有保存。`,
    unknownMember: (word: string) => `没有找到成员“${word}”。请用 @ 提到对方，或写对方在系统中登记的姓名。`,
    reopenTooLate: (number: string, days: number) =>
      `${number} 办结已超过 ${days} 天，不能再由反映人重新打开。如有新的情况，请再发一条反映，或联系政协办公室。`,
    reopenArchived: (number: string) =>
      `${number} 已归档，只有政协办公室工作人员可以重新打开。如果问题又出现了，请联系政协办公室，或发送“反映 内容”提交一条新的反映。`,
    mergeSelf: (number: string) => `${number} 不能合并到它自己，请写另一条反映的编号。`,
    alreadyPlusOne: (number: string) => `您已经附议过 ${number}，不用重复附议。`,
    ownOpinion: (number: string) => `${number} 是您自己提交的反映，不用附议。`,
    noDraft: '没有等待提交的内容（可能已超过 30 分钟）。请重新发送“反映 内容”。',
    badGrade: (word: string) => `“${word}”不是有效的等级，请写 简易、一般 或 复杂。`,
    badRating: (word: string) => `“${word}”不是有效的评价，请写 满意、基本满意 或 不满意。`,
    unknownClassification: (label: string, name: string, names: string[]) =>
      names.length > 0
        ? `没有名为“${name}”的${label}。可以选：${names.join('、')}。`
        : `还没有登记任何${label}，请先在管理后台添加“${name}”。`,
    sameClassification: (number: string, label: string, name: string) => `${number} 的${label}已经是“${name}”，无需更改。`,
  },
  replies: {
    filed: (number: string, community: string, category: string) =>
      `已收到您的反映，编号 ${number}（社区：${community}；类别：${category}）。\n我们会尽快受理，每一步进展都会在这里告诉您。随时发送“进度 ${number}”可查看。`,
    filedOnDuty: '今天的值班委员已经收到，会尽快与您联系。',
    similar: (number: string, summary: string, count: number) =>
      `已有类似反映 ${number}：“${summary}”（已有 ${count + 1} 人反映）。\n回复“附议 ${number}”可+1，让这件事更快得到重视；如果不是同一件事，回复“仍要提交”单独提交。`,
    plusOned: (number: string, count: number) => `已为 ${number} 附议，目前共有 ${count} 人附议。办理进展可发送“进度 ${number}”查看。`,
    accepted: (number: string, deadline: string) => `已受理 ${number}，办理时限到 ${deadline}。`,
    started: (number: string) => `已开始办理 ${number}。办完后请发送“办结 ${number} 结果”。`,
    graded: (number: string, grade: string, deadline: string) => `${number} 已定为“${grade}”，办理时限到 ${deadline}。`,
    assigned: (number: string, handler: string) => `已将 ${number} 分派给 ${handler}，已通知本人。`,
    resolved: (number: string) => `${number} 已办结，已通知反映人并请其评价。`,
    resolvedOnSpot: (number: string) => `${number} 已当场办结，已通知反映人并请其评价。`,
    escalated: (number: string) => `${number} 已转为协商议题，将在协商活动中讨论。`,
    declined: (number: string) => `${number} 已不予受理，理由已告知反映人。`,
    reclassified: (number: string, label: string, from: string, to: string) =>
      `已将 ${number} 的${label}由“${from}”改为“${to}”，并记入办理记录。`,
    merged: (number: string, target: string, count: number) => `${number} 已合并到 ${target}，${target} 现有 ${count} 人附议。`,
    rated: (number: string, rating: string) => `感谢您的评价（${rating}）！${number} 已归档。`,
    sentBack: (number: string) => `收到。${number} 已退回承办人重新办理，办理结果会再告诉您。`,
    reopened: (number: string) => `${number} 已重新打开，退回承办人继续办理。`,
    contact: (number: string, name: string, phone: string) => `${number} 反映人联系方式（本次查看已记录）：\n姓名：${name}\n电话：${phone}`,
    unknownContact: '未登记',
    preview: {
      resolve: (number: string, result: string) => `将办结 ${number}，办理结果：“${result}”。办结后请反映人评价。`,
      decline: (number: string, reason: string) => `将对 ${number} 不予受理，理由：“${reason}”。`,
      merge: (number: string, target: string) => `将把 ${number} 合并到 ${target}，${number} 的反映人和附议人会计入 ${target} 的附议。`,
      accept: (number: string) => `将受理 ${number}，办理时限从现在起算。`,
      start: (number: string) => `将开始办理 ${number}。`,
      grade: (number: string, grade: string) => `将把 ${number} 定为“${grade}”，办理时限按新等级重新计算。`,
      assign: (number: string, handler: string) => `将把 ${number} 分派给 ${handler} 办理。`,
      resolveOnSpot: (number: string, result: string) => `将当场办结 ${number}，办理结果：“${result}”。办结后请反映人评价。`,
      escalate: (number: string) => `将把 ${number} 转为协商议题，在协商活动中讨论。`,
      reclassify: (number: string, label: string, to: string) => `将把 ${number} 的${label}改为“${to}”，并记入办理记录。`,
      reopen: (number: string, reason: string) => `将重新打开 ${number}（原因：“${reason}”），退回承办人重新办理。`,
    },
    /** 预览里“将通知”的对象。 */
    told: {
      filer: (name: string | undefined) => (name ? `反映人${name}` : '反映人'),
      handler: (name: string) => `承办人${name}`,
      member: (name: string) => name,
    },
  },
  views: {
    line: (number: string, state: string, summary: string) => `· ${number}【${state}】${summary}`,
    overdueLine: (number: string, community: string, summary: string, deadline: string) =>
      `· ${number}（${community}）${summary} — 时限 ${deadline}`,
    mineTitle: '您最近的反映：',
    mineEmpty: '您还没有提交过反映。发送“反映 内容”即可提交。',
    queueTitle: (count: number) => `您的待办（${count} 件）：`,
    queueEmpty: '目前没有待办事项。',
    overdueTitle: (count: number) => `逾期未办结（${count} 件）：`,
    overdueEmpty: '目前没有逾期的反映。',
    progress: (
      number: string,
      state: string,
      community: string,
      category: string,
      grade: string,
      handler: string,
      deadline: string,
      plusOnes: number,
    ) =>
      `${number}【${state}】\n社区：${community}；类别：${category}\n等级：${grade}；承办人：${handler}\n时限：${deadline}；附议：${plusOnes > 0 ? `${plusOnes} 人` : '暂无'}`,
    content: (text: string) => `内容：${text}`,
    rating: (rating: string, reason: string | undefined) => `评价：${rating}${reason ? `（${reason}）` : ''}`,
    reopenReason: (reason: string) => `重新打开的原因：${reason}`,
    result: (text: string) => `办理结果：${text}`,
    history: '办理记录：',
    historyLine: (at: string, who: string, action: string, note: string) => `  ${at} ${who} ${action}${note ? `：${note}` : ''}`,
    resident: '反映人',
    system: '系统',
  },
  meetingNote: (eventNumber: number, title: string) => `协商活动“${title}”（编号 ${eventNumber}）的结果`,
  auditActions: {
    file: '提交',
    accept: '受理',
    start: '开始办理',
    grade: '定级',
    assign: '分派',
    escalate: '转协商',
    decline: '不予受理',
    merge: '合并',
    resolve: '办结',
    'resolve-on-spot': '当场办结',
    rate: '评价',
    'rate-unsatisfied': '评价不满意，退回重办',
    reopen: '重新打开',
    'reveal-contact': '查看联系方式',
    'draft-proposal': '起草提案',
    'draft-social-report': '起草社情民意信息',
    classify: '更正分类',
    'resolve-by-meeting': '协商活动办结',
    'archive-unrated': '超过评价期限，按未评价归档',
  } as Record<string, string>,
  boardLine: (number: string, community: string, summary: string, deadline: string) =>
    `· ${number}（${community}）${summary} — 时限 ${deadline}`,
  notices: {
    stateChanged: (number: string, state: string, note: string | undefined) =>
      `您的反映 ${number} 有了新进展：${state}${note ? `（${note}）` : ''}。发送“进度 ${number}”可查看详情。`,
    resolvedAskRate: (number: string, result: string, days: number) =>
      `您的反映 ${number} 已办结。\n办理结果：${result}\n请您评价：回复“评价 ${number} 满意”“评价 ${number} 基本满意”或“评价 ${number} 不满意”，后面可以写上理由。${days} 天内不满意可退回重新办理。`,
    ratedToHandler: (number: string, rating: string, reason: string | undefined) =>
      `${number} 的反映人已评价：${rating}${reason ? `。反映人说：“${reason}”` : ''}。`,
    declined: (number: string, reason: string) => `您的反映 ${number} 不予受理，理由：${reason}。如有疑问，请联系政协办公室。`,
    merged: (number: string, target: string) =>
      `您的反映 ${number} 与 ${target} 是同一件事，已合并办理，并为 ${target} 计入您的附议。进展请发送“进度 ${target}”查看。`,
    assignedToYou: (number: string, community: string, category: string, summary: string, deadline: string) =>
      `您有一件新的待办：${number}（${community}·${category}）\n${summary}\n办理时限：${deadline}。发送“受理 ${number}”开始办理，办完发送“办结 ${number} 结果”。`,
    backToYou: (number: string, reason: string) => `${number} 被退回重新办理（${reason}）。请尽快处理，办完发送“办结 ${number} 结果”。`,
    newInQueue: (number: string, community: string, category: string, summary: string) =>
      `值班提醒：居民刚提交了反映 ${number}（${community}·${category}）\n${summary}\n请发送“受理 ${number}”受理，能当场解决的发送“当场办结 ${number} 结果”。`,
    newOpinion: (number: string, community: string, category: string, summary: string) =>
      `新反映 ${number}（${community}·${category}）：${summary}`,
    reminder50: (number: string, summary: string, deadline: string) =>
      `催办提醒：${number}（${summary}）的办理时限已过半，请在 ${deadline} 前办结。`,
    /** A reminder whose deadline is already past never reads as a future one. */
    reminderPastDeadline: (number: string, summary: string, deadline: string) =>
      `催办提醒：${number}（${summary}）已超过办理时限（${deadline}），请尽快办结。`,
    /** 100% when the sector has no other convenor to watch over the handler: the office hears of it. */
    staff100: (number: string, community: string, category: string, summary: string, handler: string, deadline: string) =>
      `逾期提醒：${number}（${community}·${category}）${summary}\n承办人：${handler}，时限 ${deadline} 已到，尚未办结。所在界别没有其他召集人可以督办，请办公室跟进。`,
    archivedUnrated: (number: string, days: number) =>
      `您的反映 ${number} 办结已满 ${days} 天，我们没有收到您的评价，已按“未评价”归档。感谢您的反映！如果问题没有解决，请联系政协办公室，我们会重新办理。`,
    convenor100: (
      convenor: string,
      number: string,
      community: string,
      category: string,
      summary: string,
      handler: string,
      deadline: string,
    ) =>
      `${convenor ? `请${convenor}召集人关注：` : '逾期提醒：'}${number}（${community}·${category}）${summary}\n承办人：${handler}，时限 ${deadline} 已到，尚未办结。`,
    board150: (number: string, community: string, category: string, summary: string, handler: string, deadline: string) =>
      `逾期看板：${number}（${community}·${category}）${summary}\n承办人：${handler}，时限 ${deadline}，已超时一半以上，列入本周逾期看板。`,
    unassignedOverdue: (number: string, community: string, category: string, summary: string, step: number) =>
      `催办提醒：${number}（${community}·${category}）${summary}\n已用去时限的 ${step}%，但还没有分派承办人。`,
    weeklyBoardTitle: (count: number) => `本周逾期看板（${count} 件超时一半以上）：`,
  },
};
