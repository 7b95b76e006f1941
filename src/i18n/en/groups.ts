import type { groupsZh } from '../zh-CN/groups.js';

/** The groups directory: registering the current group chat as a notice channel. */
export const groupsEn: typeof groupsZh = {
  command: {
    usage: 'register-group <group key> [group name]',
    description: 'send it in a DingTalk group, @-mentioning Yishi, to make this chat a notice channel of that group (staff)',
    examples: ['register-group staff Committee office', 'register-group 工会 Trade-union sector group'],
  },
  created: (name, key) =>
    `Created the group "${name}" (key ${key}) with this chat as its notice channel. Duty reminders and event notices will come here.`,
  added: (name, key) => `This chat is now a notice channel of "${name}" (key ${key}). Duty reminders and event notices will come here.`,
  already: (name, key) => `This chat is already a notice channel of "${name}" (key ${key}).`,
  renamed: (name, key) => `This chat is already a notice channel of the group ${key}; its name is now "${name}".`,
  repaired: (name, key) => `This chat was marked as unreachable; it is a working notice channel of "${name}" (key ${key}) again.`,
  notInGroup: 'Send this in the group chat you want to register, @-mentioning Yishi; a direct chat cannot be registered.',
  wecomUseRobot:
    'WeCom group notices go through a group robot: add one in the group settings, copy its webhook address, and have staff register it with POST /api/groups (see docs/setup-wecom.md).',
  badKey: (key) => `"${key}" cannot be a group key: use a word without spaces or / ? # % \\, at most 50 characters, such as staff or 工会.`,
  badName: 'A group name has at most 100 characters.',
  tooManyChannels: (key) => `The group "${key}" already has 20 channels; tidy them up through the admin API first.`,
};
