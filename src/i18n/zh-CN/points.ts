/** 履职积分：只发给本人，不排名，只按履职记录计分。 */
export const pointsZh = {
  command: {
    usage: '我的积分 [本月|本季度|今年]',
    description: '查看我的履职积分和每一分的来历（默认今年；只在单聊中发给本人）',
    examples: ['我的积分', '我的积分 本季度'],
  },
  kinds: {
    'shift-served': '接待值班',
    'event-attended': '参加活动',
    'opinion-filed': '反映民意',
    'opinion-resolved-on-time': '按时办结民意',
    'social-report-submitted': '报送社情民意',
    'social-report-adopted': '社情民意被采用',
    'proposal-submitted': '提交提案',
    'proposal-cosigned': '联名提案',
    'outcome-delivered': '组织的协商活动成果已落实',
  },
  title: (name: string, period: string, total: number) => `${name}，您${period}的履职积分：${total} 分`,
  line: (kind: string, count: number, each: number, points: number, capped: boolean) =>
    `· ${kind} ${count} 项 × ${each} 分 = ${points} 分${capped ? '（已到本项上限）' : ''}`,
  items: (refs: string[], more: number) => `  ${refs.join('、')}${more > 0 ? ` 等，另有 ${more} 项` : ''}`,
  minimumsTitle: '年度基本要求：',
  minimum: (kind: string, count: number, required: number, met: boolean) =>
    `· ${kind} ${count}/${required}${met ? '，已达到' : '，尚未达到'}`,
  none: '这段时间还没有积分。接待值班、参加活动、反映民意、报送社情民意、提交提案都会自动计分。',
  note: '积分只发给您本人，不排名；只按履职记录计分，不计在线时长。',
  inPrivate: '积分只发给本人，已在单聊中发给您。',
};
