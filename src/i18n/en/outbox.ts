import type { outboxZh } from '../zh-CN/outbox.js';

/** Outbox: the note to the office group when a group's robot stops working. */
export const outboxEn: typeof outboxZh = {
  robotBroken: (groupName, groupKey, platform, reason) =>
    [
      `[Delivery problem] The ${platformLabelEn(platform)} of the group "${groupName}" (key ${groupKey}) can no longer send; notices to that group are not arriving.`,
      `The platform said: ${reason}`,
      `Usually the robot was removed from the group or its webhook address expired. Add a group robot to that group again, then update its address with PATCH /api/groups/${encodeURIComponent(groupKey)}; new notices will then arrive as usual.`,
    ].join('\n'),
};

function platformLabelEn(platform: string): string {
  if (platform === 'wecom-group-robot') return 'WeCom group robot';
  if (platform === 'dingtalk-custom-robot') return 'DingTalk custom robot';
  if (platform === 'dingtalk') return 'DingTalk robot';
  return 'delivery channel';
}
