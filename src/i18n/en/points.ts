import type { pointsZh } from '../zh-CN/points.js';

export const pointsEn: typeof pointsZh = {
  command: {
    usage: '我的积分 [本月|本季度|今年]',
    description: 'My performance points and where each came from (this year by default; sent to me alone)',
    examples: ['我的积分', '我的积分 本季度'],
  },
  kinds: {
    'shift-served': 'Reception shifts',
    'event-attended': 'Events attended',
    'opinion-filed': 'Opinions filed',
    'opinion-resolved-on-time': 'Opinions resolved on time',
    'social-report-submitted': 'Social-conditions reports sent',
    'social-report-adopted': 'Social-conditions reports adopted',
    'proposal-submitted': 'Proposals submitted',
    'proposal-cosigned': 'Proposals co-signed',
    'outcome-delivered': 'Results of events they ran, delivered',
  },
  title: (name, period, total) => `${name}, your performance points for ${period}: ${total}`,
  line: (kind, count, each, points, capped) => `· ${kind} ${count} × ${each} = ${points}${capped ? ' (cap reached)' : ''}`,
  items: (refs, more) => `  ${refs.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
  minimumsTitle: 'The yearly minimum:',
  minimum: (kind, count, required, met) => `· ${kind} ${count}/${required}${met ? ', met' : ', not yet met'}`,
  none: 'No points in this period yet. Shifts, events, opinions, social-conditions reports and proposals all count.',
  note: 'Your points are sent to you alone and never ranked; they come from your record, never from time spent online.',
  inPrivate: 'Points go to each member alone; I have sent yours in a direct chat.',
};
