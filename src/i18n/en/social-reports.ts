import type { socialReportsZh } from '../zh-CN/social-reports.js';

const clip = (raw: string, max: number) => {
  const text = raw.replace(/\s+/g, ' ');
  return [...text].length > max ? `${[...text].slice(0, max).join('')}…` : text;
};

export const socialReportsEn: typeof socialReportsZh = {
  commands: {
    send: {
      usage: '社情民意 [title or opinion number]',
      description:
        'Draft and send a social-conditions report (社情民意信息): situation, analysis and suggestions (one matter, at most 1,500 characters)',
      examples: ['社情民意 关于老旧小区加装电梯难的情况反映', '社情民意 MY-2026-000123'],
    },
    mine: { usage: '我的社情民意', description: 'My social-conditions reports and how far each went', examples: ['我的社情民意'] },
    open: { usage: '社情民意列表', description: 'Social-conditions reports still being handled (staff)', examples: ['社情民意列表'] },
    handle: {
      usage: '社情民意办理 <number> <已编发|已上报 level|已采用 level [instruction]|未采用 reason>',
      description:
        'Move a social-conditions report on: edited, forwarded (district/city/province/national), adopted or not; the reporter is told (staff)',
      examples: ['社情民意办理 SQ-2026-0001 已编发', '社情民意办理 SQ-2026-0001 已采用 市'],
    },
  },
  dialogue: {
    askTitle: 'Please write a title (one sentence naming the matter), or an opinion number.',
    askSituation: (fromOpinion) =>
      fromOpinion
        ? `Please describe the situation (reply "沿用" to use the text of opinion ${fromOpinion}).`
        : 'Please describe the situation: what happened, where, to how many people?',
    askAnalysis: 'Please write why it happens.',
    askSuggestions: 'Please write your suggestions (a list is fine).',
    askUnit: 'Please write the reporter\'s unit; reply "同界别" to use your sector.',
    confirm: (title, situation, analysis, suggestions, unit, length, max) =>
      `Please check the report:\nTitle: ${title}\nSituation: ${clip(situation, 60)}\nAnalysis: ${clip(analysis, 40)}\nSuggestions: ${clip(suggestions, 60)}\nUnit: ${unit}\n${length} characters (at most ${max}).\nReply "确认" to send it to staff, or "取消" to drop it.`,
  },
  keepWords: ['沿用', '同上', '同原文'],
  sameUnitWords: ['同界别', '界别', '同上', '无', '默认'],
  titleFromOpinion: (summary) => `Situation report: ${summary}`,
  sent: (number, title, length) =>
    `Sent social-conditions report ${number} "${title}" (${length} characters). You will be told when staff edit, forward or see it adopted; adoption enters your record.`,
  states: { submitted: 'sent', edited: 'edited', forwarded: 'forwarded', adopted: 'adopted', 'not-adopted': 'not adopted' },
  levels: {
    district: 'the district committee',
    city: 'the city committee',
    province: 'the provincial committee',
    national: 'the National Committee',
  },
  stepWords: {
    edited: () => 'edited into the bulletin',
    forwarded: (level) => `forwarded to ${level}`,
    adopted: (level) => `adopted by ${level}`,
    'not-adopted': () => 'not adopted',
  },
  preview: (number, title, author, step, note) =>
    `Report ${number} "${title}" (${author}) will be marked ${step}${note ? ` (${note})` : ''}.`,
  done: (number, title, step) => `Report ${number} "${title}" ${step}; the reporter has been told.`,
  notice: (number, title, step, note) => `Your social-conditions report ${number} "${title}" was ${step}${note ? ` (${note})` : ''}.`,
  adoptedNoticeTail: 'It is now in your performance record.',
  instructionNote: (text) => `instruction: ${text}`,
  reasonNote: (text) => `reason: ${text}`,
  line: (number, title, state, author) => `${number} "${title}" — ${state}${author ? ` · ${author}` : ''}`,
  mineList: (lines) => `Your social-conditions reports:\n${lines.join('\n')}`,
  noneOfMine: 'You have not sent a social-conditions report yet. Send "社情民意" to start one.',
  openList: (lines) =>
    `Reports being handled:\n${lines.join('\n')}\nSend "社情民意办理 number 已编发/已上报 市/已采用 市/未采用 reason" to move one on.`,
  noneOpen: 'No social-conditions reports are being handled.',
  errors: {
    badNumber: (word) => `"${word}" is not a report number. Numbers look like SQ-2026-0001.`,
    notFound: (number) => `No report ${number}; please check the number.`,
    empty: (field) => `${field} cannot be empty; send "社情民意" to start again.`,
    titleTooLong: (max) => `The title is too long (at most ${max} characters); please start again with one sentence.`,
    tooLong: (length, max) => `The report has ${length} characters, over the limit of ${max}; please shorten it (one matter per report).`,
    keepWithoutOpinion: 'Only a report drafted from an opinion can reuse its text ("沿用"); please describe the situation.',
    stepUnknown: (word) => `"${word}" is not a step. Write 已编发, 已上报, 已采用 or 未采用.`,
    levelUnknown: (word) => `"${word}" is not a committee level. Write 区, 市, 省 or 全国.`,
    final: (number, state) => `Report ${number} is already ${state} and cannot change.`,
    notNext: (number, state, step) => `Report ${number} is ${state}; it cannot go straight to "${step}".`,
    levelNeeded: (step) => `"${step}" needs a level: 区, 市, 省 or 全国, e.g. "${step} 市".`,
    levelNotHigher: (current) => `This report was forwarded to ${current}; forwarding again needs a higher level.`,
    levelAboveForwarded: (current) => `This report only reached ${current}; forward it before recording adoption higher up.`,
    reasonNeeded: 'Not adopted needs a reason, e.g. "未采用 与已采用信息重复".',
    notEditable: (number, state) => `Report ${number} is already ${state}; its text can no longer change.`,
  },
  fields: { title: 'Title', situation: 'Situation', analysis: 'Analysis', suggestions: 'Suggestions', unit: 'Unit' },
  cardLine: (sent, adopted) => `Social-conditions reports: ${sent} sent · ${adopted} adopted`,
  stats: {
    title: (period) => `Social-conditions reports adopted, ${period}`,
    line: (name, adopted, sent, rate) => `${name}: ${sent} sent, ${adopted} adopted, adoption rate ${rate ?? '—'}`,
    note: 'Adoption rate = reports adopted in the period ÷ reports sent in the period.',
  },
  export: {
    headers: ['编号', '报送时间', '报送人', '单位', '标题', '字数', '状态', '层级', '批示', '未采用原因', '采用时间', '来源民意'],
    sheet: '社情民意信息',
  },
};
