import type { recordsZh } from '../zh-CN/records.js';

const shown = (rate: string | null) => rate ?? '—';
const clip = (raw: string, max: number) => {
  const text = raw.replace(/\s+/g, ' ');
  return [...text].length > max ? `${[...text].slice(0, max).join('')}…` : text;
};

export const recordsEn: typeof recordsZh = {
  commands: {
    myRecord: {
      usage: '我的履职 [本月|本季度|今年]',
      description: 'My performance record (shifts, opinions, resolutions, events, proposals)',
      examples: ['我的履职', '我的履职 本季度'],
    },
    memberRecord: {
      usage: '履职 <member> [本月|本季度|今年]',
      description: 'A member’s performance record (staff)',
      examples: ['履职 张三', '履职 @张三 今年'],
    },
    stats: {
      usage: '统计 [本月|上月|本季度|今年]',
      description: 'Response, on-time, resolution, satisfaction and participation rates by sector and community (staff)',
      examples: ['统计', '统计 上月'],
    },
    proposal: {
      usage: '提案 <title or opinion number>',
      description: 'Draft a proposal: reasons, suggestions, co-signers; or turn an opinion into one',
      examples: ['提案 More lifts in old estates', '提案 MY-2026-000123'],
    },
    submitProposal: {
      usage: '提案提交 [proposal number]',
      description: 'Mark a draft proposal submitted (it counts in the record); without a number, list the drafts (staff)',
      examples: ['提案提交', '提案提交 TA-2026-0001'],
    },
  },

  period: {
    week: (from, to) => `${from} to ${to}`,
    month: (year, month) => `${year}-${String(month).padStart(2, '0')}`,
    quarter: (year, quarter) => `${year} Q${quarter}`,
    year: (year) => String(year),
    range: (from, to) => `${from} to ${to}`,
  },

  rateNames: {
    response: 'Response rate',
    onTime: 'On-time rate',
    resolution: 'Resolution rate',
    satisfaction: 'Satisfaction rate',
    participation: 'Participation rate',
  },
  rateShort: { response: 'response', onTime: 'on time', resolution: 'resolved', satisfaction: 'satisfied', participation: 'participation' },
  rate: (name, rate, num, den) => `${name} ${shown(rate)} (${num}/${den})`,

  card: {
    title: (name, sector, period) => `${name} (${sector}), record for ${period}`,
    presence: (shifts, events) => `Shifts served ${shifts} · events attended ${events}`,
    voice: (filed, proposals, cosigned) =>
      `Opinions filed ${filed} · proposals submitted ${proposals}${cosigned ? ` (co-signed ${cosigned})` : ''}`,
    work: (accepted, resolved, onTime, onSpot) => `Accepted ${accepted} · resolved ${resolved} (on time ${onTime}, on the spot ${onSpot})`,
    satisfaction: (rate, num, den) => `Satisfaction with their work ${shown(rate)} (${num}/${den})`,
    empty: 'Nothing recorded in this period yet. Shift check-ins, opinions, resolutions, events and proposals are recorded automatically.',
    monthlyIntro: (name) => `Hello ${name}, here is your record for last month:`,
    monthlyHint: 'Send “我的履职” to see it at any time.',
  },

  stats: {
    title: (period, from, to) => `Figures for ${period} (${from} to ${to})`,
    overall: '[Overall]',
    bySector: '[By sector] (the handling member’s sector)',
    byCommunity: '[By community]',
    groupLine: (name, parts) => `${name}: ${parts.join('; ')}`,
    noCommunity: 'No opinion of this period names a community.',
    note: 'Definitions: response = accepted within 24 h ÷ submitted; on-time = resolved within the limit ÷ resolved; resolution = resolved ÷ due in the period; satisfaction = (satisfied + basically) ÷ rated; participation = members who filed an opinion or proposal ÷ all members.',
  },

  digest: {
    title: (from, to) => `**Weekly digest (${from} to ${to})**`,
    flow: (filed, accepted, resolved, onTime, rated) =>
      `New opinions ${filed}, accepted ${accepted}, resolved ${resolved} (on time ${onTime}), rated ${rated}.`,
    work: (shifts, attendances, proposals) => `Shifts served ${shifts}, event check-ins ${attendances}, proposals submitted ${proposals}.`,
    rates: 'This week’s rates:',
    rateLine: (text) => `> ${text}`,
    open: (parts) => `Open now: ${parts.length ? parts.join(', ') : 'none'}`,
    openPart: (state, count) => `${state} ${count}`,
    chartNote: 'Chart: opinions by state, rates over the last 8 weeks.',
    chartStates: 'Opinions by state',
    chartRates: 'Rates, last 8 weeks (%)',
    weekLabel: (from) => `${Number(from.slice(5, 7))}/${Number(from.slice(8, 10))}`,
  },

  proposals: {
    dialogue: {
      askTitle: 'The proposal’s title (one sentence on the problem), or an opinion number.',
      askReasons: (fromOpinion) =>
        fromOpinion
          ? `The reasons (reply “沿用” to use opinion ${fromOpinion}’s text).`
          : 'The reasons: what is the situation, where is the problem?',
      askSuggestions: 'Your concrete suggestions.',
      askCosigners: 'Names of co-signing members, separated by spaces or 、; reply “无” for none.',
      confirm: (title, reasons, suggestions, cosigners) =>
        `Please check the draft:\nTitle: ${title}\nReasons: ${clip(reasons, 60)}\nSuggestions: ${clip(suggestions, 60)}\nCo-signers: ${cosigners}\nReply “确认” to save the draft, “取消” to drop it.`,
      noCosigners: 'none',
    },
    keepWords: ['沿用', '同上', '同原文', 'keep'],
    noneWords: ['无', '没有', '不用', '无联名', 'none'],
    titleFromOpinion: (number, summary) => `Proposal on ${summary} (from ${number})`,
    drafted: (number, title) => `Draft proposal ${number} “${title}” saved. Once staff submit it, it counts in your record.`,
    submitted: (number, title, author) => `Proposal ${number} “${title}” (${author}) marked submitted and recorded.`,
    submittedNotice: (number, title) => `Your proposal ${number} “${title}” was submitted by the office; it counts in your record.`,
    drafts: (lines) => `Drafts waiting to be submitted:\n${lines.join('\n')}\nSend “提案提交 <number>” to mark one submitted.`,
    draftLine: (number, title, author) => `${number} “${title}” — ${author}`,
    noDrafts: 'No draft proposals are waiting.',
    errors: {
      badNumber: (word) => `“${word}” is not a proposal number. Proposal numbers look like TA-2026-0001.`,
      notFound: (number) => `No proposal ${number}; please check the number.`,
      alreadySubmitted: (number) => `Proposal ${number} was already submitted.`,
      empty: (field) => `The ${field} must not be empty; send “提案” to start again.`,
      tooLong: (field, max) => `The ${field} is too long (at most ${max} characters); please shorten it and start again.`,
      unknownCosigners: (names) => `No member found for: ${names}. Please check the names and start again.`,
      ambiguousCosigner: (name) => `More than one member is called “${name}”; please use the full name and start again.`,
      opinionNotFound: (number) => `No opinion ${number}; please check the number.`,
      keepWithoutOpinion: 'Only a proposal drawn from an opinion can reuse its text; please write the reasons.',
    },
    fields: { title: 'title', reasons: 'reasons', suggestions: 'suggestions' },
  },

  export: {
    opinions: [
      'Number',
      'Submitted',
      'State',
      'Community',
      'Category',
      'Grade',
      'Handler',
      'Accepted',
      'Accepted within 24 h',
      'Deadline',
      'Resolved',
      'Rating',
      '+1s',
      'Content',
      'Result',
      'Rating reason',
      'Reopening reason',
    ],
    records: [
      'Member',
      'Sector',
      'Shifts served',
      'Opinions filed',
      'Accepted',
      'Resolved',
      'Resolved on time',
      'Resolved on the spot',
      'Events attended',
      'Proposals submitted',
      'Proposals co-signed',
      'Social-conditions reports sent',
      'Social-conditions reports adopted',
      'Results of events run, delivered',
      'Satisfied ratings',
      'Ratings',
    ],
    rates: [
      'Scope',
      'Name',
      'Response rate',
      'Accepted within 24 h',
      'Submitted',
      'On-time rate',
      'On time',
      'Resolved',
      'Resolution rate',
      'Resolved (due)',
      'Due in period',
      'Satisfaction rate',
      'Satisfied + basically',
      'Rated',
      'Participation rate',
      'Members who spoke',
      'All members',
    ],
    scopes: { overall: 'Overall', sector: 'Sector', community: 'Community', member: 'Member', week: 'Week' },
    yes: 'yes',
    no: 'no',
    sheets: { opinions: 'Opinions', records: 'Records', rates: 'Rates' },
  },
};
