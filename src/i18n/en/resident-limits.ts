import type { residentLimitsZh } from '../zh-CN/resident-limits.js';

/** The residents' account's hourly limit on new opinions (RESIDENT_OPINIONS_PER_HOUR). */
export const residentLimitsEn: typeof residentLimitsZh = {
  tooManyToStart: (limit: number, time: string) =>
    `You have reported ${limit} matters within the last hour, and we are handling each of them.\nSo that every matter gets proper attention, please report new ones after ${time}. If it is urgent, please contact your community office directly.`,
  tooManyToFile: (limit: number, time: string) =>
    `You have reported ${limit} matters within the last hour, so this one cannot be submitted yet; we are keeping what you wrote.\nPlease reply "确认" after ${time} to submit it, or "取消" to drop it. If it is urgent, please contact your community office directly.`,
};
