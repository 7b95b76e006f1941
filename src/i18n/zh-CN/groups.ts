/** 群目录：在群里登记本群为通知通道。 */
export const groupsZh = {
  command: {
    usage: '登记本群 群编号 [群名称]',
    description: '在钉钉群里 @议事助手 发送，把本群登记为该群编号的通知通道（工作人员）',
    examples: ['登记本群 staff 政协办公室工作群', '登记本群 工会 工会界别群'],
  },
  created: (name: string, key: string) => `已新建群“${name}”（编号 ${key}），并把本群登记为它的通知通道。值班提醒、活动通知等会发到这里。`,
  added: (name: string, key: string) => `已把本群登记为“${name}”（编号 ${key}）的通知通道。值班提醒、活动通知等会发到这里。`,
  already: (name: string, key: string) => `本群已经是“${name}”（编号 ${key}）的通知通道，无需重复登记。`,
  renamed: (name: string, key: string) => `本群已是编号 ${key} 的通知通道；群名称已改为“${name}”。`,
  repaired: (name: string, key: string) => `本群原先被标记为无法送达，现已恢复为“${name}”（编号 ${key}）的通知通道。`,
  notInGroup: '请在要登记的群里 @议事助手 发送这条命令，单聊里无法登记群。',
  wecomUseRobot:
    '企业微信群的通知通过群机器人发送：请在群设置里添加群机器人，复制它的 Webhook 地址，再由工作人员通过管理接口 POST /api/groups 登记（见 docs/setup-wecom.md）。',
  badKey: (key: string) => `“${key}”不能作为群编号：请用不含空格和 / ? # % \\ 的词，最多 50 个字，例如 staff 或 工会。`,
  badName: '群名称最多 100 个字。',
  tooManyChannels: (key: string) => `群“${key}”已有 20 个通知通道，不能再添加。请先通过管理接口整理。`,
};
