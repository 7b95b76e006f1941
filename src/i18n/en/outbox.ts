import type { outboxZh } from '../zh-CN/outbox.js';

/** Outbox: the note to the office group when a group's robot stops working. */
export const outboxEn: typeof outboxZh = {
  robotBroken: (groupName, groupKey, platform, reason) =>
    [
      `[Delivery problem] The ${platformLabelEn(platform)} of the group "${groupName}" (key ${groupKey}) can no longer send; notices to that group are not arriving.`,
      `The platform said: ${reason}`,
      `Usually the robot was removed from the group or its webhook address expired. Add a group robot to that group again, then update its address with PATCH /api/groups/${encodeURIComponent(groupKey)}; new notices will then arrive as usual.`,
    ].join('\n'),
  failure: {
    memberMissing: 'the member no longer exists',
    memberInactive: 'the member has been deactivated',
    memberNoPlatform: 'the member has no WeCom, DingTalk or other account on record',
    residentErased: 'the resident asked for their personal data to be erased, so there is no way to reach them',
    residentMissing: 'the resident record no longer exists (it may have been deleted on schedule)',
    groupMissing: (key) => `group "${key}" does not exist; add it under Groups and robots`,
    groupNoChannel: (key) => `group "${key}" has no working robot or conversation; update it under Groups and robots`,
    gaveUp: (attempts, last) => `still failing after ${attempts} attempts; last: ${last}`,
    robotBroken: 'the group robot no longer works (removed from the group, or its webhook expired)',
    rateLimited: 'the platform limited the sending rate',
    unreachable: "the platform's servers could not be reached",
    credentials: "the app's credentials (secret) are wrong, or no access token could be had",
    receiverInvalid: 'the receiver does not exist on the platform (the account may have changed)',
    noSender: 'this platform is not connected (not configured)',
    tooLarge: 'the file or image is too large for the platform',
    residentNoticeDropped:
      'not sent to the resident: WeCom allows 5 messages in the 48 hours after the resident last wrote, and the slots left are kept for more important notices such as the result, so this acknowledgement was dropped (the resident sees the latest state by sending 进度)',
    other: 'the platform refused this notice',
    platformSaid: (detail) => `The platform said: ${detail}`,
    recipientResident: 'resident',
  },
};

function platformLabelEn(platform: string): string {
  if (platform === 'wecom-group-robot') return 'WeCom group robot';
  if (platform === 'dingtalk-custom-robot') return 'DingTalk custom robot';
  if (platform === 'dingtalk') return 'DingTalk robot';
  return 'delivery channel';
}
