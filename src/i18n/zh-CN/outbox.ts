/** 推送（发件箱）：群机器人失效时发给办公室群的提醒。 */
export const outboxZh = {
  robotBroken: (groupName: string, groupKey: string, platform: string, reason: string) =>
    [
      `【推送失败提醒】“${groupName}”群（编号 ${groupKey}）的${platformLabelZh(platform)}已无法发送消息，发往该群的通知暂时送不到。`,
      `平台返回：${reason}`,
      '常见原因是机器人被移出了群，或 Webhook 地址已失效。请在该群重新添加群机器人，然后通过管理接口 PATCH /api/groups/' +
        `${encodeURIComponent(groupKey)} 更新它的地址；更新后新的通知会照常送达。`,
    ].join('\n'),
  /** 发送失败的原因（工作台“通知”页）：平台和发件箱记下的英文原因，用中文说明。 */
  failure: {
    memberMissing: '收件成员已不存在',
    memberInactive: '收件成员已停用',
    memberNoPlatform: '收件成员没有登记企业微信、钉钉等任何账号',
    residentErased: '该居民的个人信息已应其要求删除，无法再联系',
    residentMissing: '居民记录已不存在（可能已按期删除）',
    groupMissing: (key: string) => `群“${key}”不存在，请在名录的“群和机器人”里添加`,
    groupNoChannel: (key: string) => `群“${key}”没有可用的机器人或会话，请在名录的“群和机器人”里更新`,
    gaveUp: (attempts: number, last: string) => `重试${attempts}次仍未成功；最后一次：${last}`,
    robotBroken: '群机器人已失效（可能被移出了群，或 Webhook 地址已失效）',
    rateLimited: '平台限制了发送频率',
    unreachable: '连不上平台的服务器',
    credentials: '应用的凭据（Secret）有误，或取不到平台的访问令牌',
    receiverInvalid: '接收人在平台上不存在（账号可能已变更）',
    noSender: '这个平台没有接入议事（未配置）',
    tooLarge: '文件或图片太大，平台不接收',
    residentNoticeDropped:
      '没有发给居民：企业微信只允许在居民来信后 48 小时内发 5 条，剩下的名额要留给办结等更重要的通知，这条受理确认就不发了（居民发“进度”随时能看到最新情况）',
    other: '平台拒绝了这条通知',
    platformSaid: (detail: string) => `平台返回：${detail}`,
    recipientResident: '居民',
  },
};

function platformLabelZh(platform: string): string {
  if (platform === 'wecom-group-robot') return '企业微信群机器人';
  if (platform === 'dingtalk-custom-robot') return '钉钉自定义机器人';
  if (platform === 'dingtalk') return '钉钉机器人';
  return '推送渠道';
}
