/** 履职档案、统计、周报、月度履职卡、提案、导出。 */
type Rate = string | null;
const shown = (rate: Rate) => rate ?? '—';
const clip = (raw: string, max: number) => {
  const text = raw.replace(/\s+/g, ' ');
  return [...text].length > max ? `${[...text].slice(0, max).join('')}…` : text;
};

export const recordsZh = {
  commands: {
    myRecord: {
      usage: '我的履职 [本月|本季度|今年]',
      description: '查看我的履职档案（值班、反映、办结、活动、提案）',
      examples: ['我的履职', '我的履职 本季度', '我的履职 今年'],
    },
    memberRecord: {
      usage: '履职 <委员> [本月|本季度|今年]',
      description: '查看某位委员的履职档案（工作人员）',
      examples: ['履职 张三', '履职 @张三 今年'],
    },
    stats: {
      usage: '统计 [本月|上月|本季度|今年]',
      description: '响应率、按时办结率、解决率、满意率、建言率，分界别和村/社区（工作人员）',
      examples: ['统计', '统计 上月', '统计 本季度'],
    },
    proposal: {
      usage: '提案 <标题 或 民意编号>',
      description: '起草提案：按提示填写理由、建议和联名委员；也可由一条民意转成提案',
      examples: ['提案 关于增设老旧小区电梯的建议', '提案 MY-2026-000123'],
    },
    submitProposal: {
      usage: '提案提交 [提案编号]',
      description: '把提案草稿标记为已提交，记入履职档案；不写编号则列出待提交的草稿（工作人员）',
      examples: ['提案提交', '提案提交 TA-2026-0001'],
    },
  },

  period: {
    week: (from: string, to: string) => `${from}至${to}`,
    month: (year: number, month: number) => `${year}年${month}月`,
    quarter: (year: number, quarter: number) => `${year}年第${quarter}季度`,
    year: (year: number) => `${year}年`,
    range: (from: string, to: string) => `${from}至${to}`,
  },

  rateNames: { response: '响应率', onTime: '按时办结率', resolution: '解决率', satisfaction: '满意率', participation: '建言率' },
  rateShort: { response: '响应', onTime: '按时', resolution: '解决', satisfaction: '满意', participation: '建言' },
  /** 响应率 83.3%（25/30） */
  rate: (name: string, rate: Rate, num: number, den: number) => `${name} ${shown(rate)}（${num}/${den}）`,

  card: {
    title: (name: string, sector: string, period: string) => `${name}（${sector}）${period}履职`,
    presence: (shifts: number, events: number) => `接待值班 ${shifts} 次 · 参加活动 ${events} 次`,
    voice: (filed: number, proposals: number, cosigned: number) =>
      `反映民意 ${filed} 件 · 提交提案 ${proposals} 件${cosigned ? `（另联名 ${cosigned} 件）` : ''}`,
    work: (accepted: number, resolved: number, onTime: number, onSpot: number) =>
      `受理 ${accepted} 件 · 办结 ${resolved} 件（按时 ${onTime} 件，当场 ${onSpot} 件）`,
    satisfaction: (rate: Rate, num: number, den: number) => `所办民意满意率 ${shown(rate)}（${num}/${den}）`,
    empty: '这段时间还没有记录。值班签到、反映民意、办结、参加活动、提交提案都会自动记入。',
    monthlyIntro: (name: string) => `${name}，您好！这是您上个月的履职小结：`,
    monthlyHint: '发送“我的履职”可随时查看。',
  },

  stats: {
    title: (period: string, from: string, to: string) => `${period}统计（${from}至${to}）`,
    overall: '【全部】',
    bySector: '【按界别】（按办理委员所在界别）',
    byCommunity: '【按村/社区】',
    groupLine: (name: string, parts: string[]) => `${name}：${parts.join('；')}`,
    noCommunity: '本期没有涉及村/社区的民意。',
    note: '口径：响应率=24小时内受理÷本期提交；按时办结率=期限内办结÷本期办结；解决率=已办结÷期限在本期的民意；满意率=（满意+基本满意）÷本期评价；建言率=本期反映民意或提交提案的委员÷全体委员。',
  },

  digest: {
    title: (from: string, to: string) => `**议事周报（${from}至${to}）**`,
    flow: (filed: number, accepted: number, resolved: number, onTime: number, rated: number) =>
      `本周新收民意 ${filed} 件，受理 ${accepted} 件，办结 ${resolved} 件（按时 ${onTime} 件），收到评价 ${rated} 件。`,
    work: (shifts: number, attendances: number, proposals: number) =>
      `值班签到 ${shifts} 次，活动签到 ${attendances} 人次，提交提案 ${proposals} 件。`,
    rates: '本周比率：',
    rateLine: (text: string) => `> ${text}`,
    open: (parts: string[]) => `目前在办：${parts.length ? parts.join('，') : '无'}`,
    openPart: (state: string, count: number) => `${state} ${count} 件`,
    chartNote: '附图：各状态民意数量、近8周比率走势。',
    chartStates: '民意状态（件）',
    chartRates: '近8周比率（%）',
    weekLabel: (from: string) => `${Number(from.slice(5, 7))}/${Number(from.slice(8, 10))}`,
  },

  proposals: {
    dialogue: {
      askTitle: '请写提案标题（一句话说明要解决的问题），或写一条民意的编号。',
      askReasons: (fromOpinion: string | undefined) =>
        fromOpinion ? `请写提案理由（回复“沿用”即以民意 ${fromOpinion} 的内容为理由）。` : '请写提案理由：现状如何，问题在哪里？',
      askSuggestions: '请写具体建议（可以分条写）。',
      askCosigners: '请写联名委员的姓名，用顿号或空格分开；没有联名请回复“无”。',
      confirm: (title: string, reasons: string, suggestions: string, cosigners: string) =>
        `请核对提案草稿：\n标题：${title}\n理由：${clip(reasons, 60)}\n建议：${clip(suggestions, 60)}\n联名：${cosigners}\n回复“确认”保存为草稿，回复“取消”放弃。`,
      noCosigners: '无',
    },
    keepWords: ['沿用', '同上', '同原文'],
    noneWords: ['无', '没有', '不用', '无联名'],
    titleFromOpinion: (number: string, summary: string) => `关于${summary}的提案（源自${number}）`,
    drafted: (number: string, title: string) => `已保存提案草稿 ${number}《${title}》。工作人员审核提交后，将记入您的履职档案。`,
    submitted: (number: string, title: string, author: string) =>
      `已将提案 ${number}《${title}》（${author}）标记为已提交，已记入履职档案。`,
    submittedNotice: (number: string, title: string) => `您的提案 ${number}《${title}》已由工作人员提交，已记入您的履职档案。`,
    drafts: (lines: string[]) => `待提交的提案草稿：\n${lines.join('\n')}\n发送“提案提交 编号”标记为已提交。`,
    draftLine: (number: string, title: string, author: string) => `${number}《${title}》— ${author}`,
    noDrafts: '目前没有待提交的提案草稿。',
    errors: {
      badNumber: (word: string) => `“${word}”不是提案编号。提案编号形如 TA-2026-0001。`,
      notFound: (number: string) => `没有找到提案 ${number}，请核对编号。`,
      alreadySubmitted: (number: string) => `提案 ${number} 已经提交过了。`,
      empty: (field: string) => `${field}不能为空，请重新发送“提案”开始起草。`,
      tooLong: (field: string, max: number) => `${field}太长了（最多 ${max} 字），请精简后重新起草。`,
      unknownCosigners: (names: string) => `没有找到这些委员：${names}。请核对姓名后重新起草。`,
      ambiguousCosigner: (name: string) => `有不止一位委员叫“${name}”，请写全名后重新起草。`,
      opinionNotFound: (number: string) => `没有找到民意 ${number}，请核对编号。`,
      keepWithoutOpinion: '只有从民意转成的提案才能“沿用”原文，请直接写理由。',
    },
    fields: { title: '标题', reasons: '理由', suggestions: '建议' },
  },

  export: {
    opinions: [
      '编号',
      '提交时间',
      '状态',
      '村/社区',
      '类别',
      '等级',
      '办理委员',
      '受理时间',
      '24小时内受理',
      '办理期限',
      '办结时间',
      '评价',
      '附议数',
      '内容',
      '办理结果',
      '评价理由',
      '重新打开原因',
    ],
    records: [
      '委员',
      '界别',
      '接待值班',
      '反映民意',
      '受理',
      '办结',
      '按时办结',
      '当场办结',
      '参加活动',
      '提交提案',
      '联名提案',
      '报送社情民意',
      '社情民意被采用',
      '组织活动成果已落实',
      '满意评价',
      '评价总数',
    ],
    rates: [
      '范围',
      '名称',
      '响应率',
      '24小时内受理',
      '本期提交',
      '按时办结率',
      '按时办结',
      '本期办结',
      '解决率',
      '已办结',
      '期限在本期',
      '满意率',
      '满意与基本满意',
      '本期评价',
      '建言率',
      '建言委员',
      '全体委员',
    ],
    scopes: { overall: '全部', sector: '界别', community: '村/社区', member: '委员', week: '周' },
    yes: '是',
    no: '否',
    sheets: { opinions: '民意', records: '履职档案', rates: '比率' },
  },
};
