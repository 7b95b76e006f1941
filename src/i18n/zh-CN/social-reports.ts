/** 社情民意信息：起草、报送、编发、上报、采用。 */
const clip = (raw: string, max: number) => {
  const text = raw.replace(/\s+/g, ' ');
  return [...text].length > max ? `${[...text].slice(0, max).join('')}…` : text;
};

export const socialReportsZh = {
  commands: {
    send: {
      usage: '社情民意 [标题 或 民意编号]',
      description: '起草并报送一篇社情民意信息：按提示写基本情况、原因分析和意见建议（一事一报，不超过1500字）',
      examples: ['社情民意 关于老旧小区加装电梯难的情况反映', '社情民意 MY-2026-000123'],
    },
    mine: {
      usage: '我的社情民意',
      description: '查看我报送的社情民意信息及其编发、上报、采用情况',
      examples: ['我的社情民意'],
    },
    open: {
      usage: '社情民意列表',
      description: '列出尚未办结的社情民意信息（工作人员）',
      examples: ['社情民意列表'],
    },
    handle: {
      usage: '社情民意办理 <编号> <已编发|已上报 级别|已采用 级别 [批示]|未采用 原因>',
      description: '推进一篇社情民意信息：编发、上报（区/市/省/全国政协）、采用或未采用，并告知报送人（工作人员）',
      examples: [
        '社情民意办理 SQ-2026-0001 已编发',
        '社情民意办理 SQ-2026-0001 已上报 市',
        '社情民意办理 SQ-2026-0001 已采用 市 市领导批示：请住建局研究落实',
        '社情民意办理 SQ-2026-0001 未采用 与已采用信息重复',
      ],
    },
  },
  dialogue: {
    askTitle: '请写标题（一句话概括反映的问题，如“关于……的情况反映”），或写一条民意的编号。',
    askSituation: (fromOpinion: string | undefined) =>
      fromOpinion ? `请写基本情况（回复“沿用”即以民意 ${fromOpinion} 的内容为基本情况）。` : '请写基本情况：发生了什么，涉及哪里、多少人？',
    askAnalysis: '请写原因分析：问题为什么会出现？',
    askSuggestions: '请写意见建议（可以分条写）。',
    askUnit: '请写反映人单位；回复“同界别”即用您所在的界别。',
    confirm: (title: string, situation: string, analysis: string, suggestions: string, unit: string, length: number, max: number) =>
      `请核对社情民意信息：\n标题：${title}\n基本情况：${clip(situation, 60)}\n原因分析：${clip(analysis, 40)}\n意见建议：${clip(suggestions, 60)}\n反映人单位：${unit}\n共 ${length} 字（上限 ${max} 字）。\n回复“确认”报送给工作人员，回复“取消”放弃。`,
  },
  keepWords: ['沿用', '同上', '同原文'],
  sameUnitWords: ['同界别', '界别', '同上', '无', '默认'],
  titleFromOpinion: (summary: string) => `关于${summary}的情况反映`,
  sent: (number: string, title: string, length: number) =>
    `已报送社情民意信息 ${number}《${title}》（${length} 字）。工作人员编发、上报，以及被采用时都会告诉您；采用后记入您的履职档案。`,
  states: { submitted: '已报送', edited: '已编发', forwarded: '已上报', adopted: '已采用', 'not-adopted': '未采用' },
  levels: { district: '区政协', city: '市政协', province: '省政协', national: '全国政协' },
  /** “已上报市政协”“已被市政协采用”“已编发”“未采用” */
  stepWords: {
    edited: () => '已编发',
    forwarded: (level: string) => `已上报${level}`,
    adopted: (level: string) => `已被${level}采用`,
    'not-adopted': () => '未采用',
  },
  preview: (number: string, title: string, author: string, step: string, note: string | undefined) =>
    `将把社情民意信息 ${number}《${title}》（${author}）改为：${step}${note ? `（${note}）` : ''}。`,
  done: (number: string, title: string, step: string) => `社情民意信息 ${number}《${title}》${step}，已告知报送人。`,
  notice: (number: string, title: string, step: string, note: string | undefined) =>
    `您报送的社情民意信息 ${number}《${title}》${step}${note ? `（${note}）` : ''}。`,
  adoptedNoticeTail: '已记入您的履职档案。',
  instructionNote: (text: string) => `批示：${text}`,
  reasonNote: (text: string) => `原因：${text}`,
  line: (number: string, title: string, state: string, author: string) => `${number}《${title}》— ${state}${author ? ` · ${author}` : ''}`,
  mineList: (lines: string[]) => `您报送的社情民意信息：\n${lines.join('\n')}`,
  noneOfMine: '您还没有报送过社情民意信息。发送“社情民意”开始起草。',
  openList: (lines: string[]) =>
    `待办的社情民意信息：\n${lines.join('\n')}\n发送“社情民意办理 编号 已编发/已上报 市/已采用 市/未采用 原因”推进。`,
  noneOpen: '目前没有待办的社情民意信息。',
  errors: {
    badNumber: (word: string) => `“${word}”不是社情民意信息的编号。编号形如 SQ-2026-0001。`,
    notFound: (number: string) => `没有找到社情民意信息 ${number}，请核对编号。`,
    empty: (field: string) => `${field}不能为空，请重新发送“社情民意”开始起草。`,
    titleTooLong: (max: number) => `标题太长了（最多 ${max} 字），请用一句话概括后重新起草。`,
    tooLong: (length: number, max: number) => `全文共 ${length} 字，超过了 ${max} 字的上限，请精简后重新起草（一事一报）。`,
    keepWithoutOpinion: '只有从民意转成的社情民意信息才能“沿用”原文，请直接写基本情况。',
    stepUnknown: (word: string) => `“${word}”不是办理步骤。可写：已编发、已上报、已采用、未采用。`,
    levelUnknown: (word: string) => `“${word}”不是政协层级。可写：区、市、省、全国。`,
    final: (number: string, state: string) => `社情民意信息 ${number} 的办理已经结束（${state}），不能再改变。`,
    notNext: (number: string, state: string, step: string) => `社情民意信息 ${number} 目前${state}，不能直接改为“${step}”。`,
    levelNeeded: (step: string) => `“${step}”要写明层级：区、市、省或全国，如“${step} 市”。`,
    levelNotHigher: (current: string) => `这篇信息已上报${current}，再上报要写更高一级。`,
    levelAboveForwarded: (current: string) => `这篇信息只上报到${current}，还不能写由更高一级采用；请先上报。`,
    reasonNeeded: '未采用要写明原因，如“未采用 与已采用信息重复”。',
    notEditable: (number: string, state: string) => `社情民意信息 ${number} 目前${state}，内容不能再修改。`,
  },
  fields: { title: '标题', situation: '基本情况', analysis: '原因分析', suggestions: '意见建议', unit: '反映人单位' },
  /** 履职档案 line. */
  cardLine: (sent: number, adopted: number) => `报送社情民意 ${sent} 篇 · 被采用 ${adopted} 篇`,
  stats: {
    title: (period: string) => `${period}社情民意信息采用情况`,
    line: (name: string, adopted: number, sent: number, rate: string | null) =>
      `${name}：报送 ${sent} 篇，采用 ${adopted} 篇，采用率 ${rate ?? '—'}`,
    note: '口径：采用率 = 本期被采用篇数 ÷ 本期报送篇数。',
  },
  export: {
    headers: ['编号', '报送时间', '报送人', '单位', '标题', '字数', '状态', '层级', '批示', '未采用原因', '采用时间', '来源民意'],
    sheet: '社情民意信息',
  },
};
