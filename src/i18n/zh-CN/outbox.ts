/** 推送（发件箱）：群机器人失效时发给办公室群的提醒。 */
export const outboxZh = {
  robotBroken: (groupName: string, groupKey: string, platform: string, reason: string) =>
    [
      `【推送失败提醒】“${groupName}”群（编号 ${groupKey}）的${platformLabelZh(platform)}已无法发送消息，发往该群的通知暂时送不到。`,
      `平台返回：${reason}`,
      '常见原因是机器人被移出了群，或 Webhook 地址已失效。请在该群重新添加群机器人，然后通过管理接口 PATCH /api/groups/' +
        `${encodeURIComponent(groupKey)} 更新它的地址；更新后新的通知会照常送达。`,
    ].join('\n'),
};

function platformLabelZh(platform: string): string {
  if (platform === 'wecom-group-robot') return '企业微信群机器人';
  if (platform === 'dingtalk-custom-robot') return '钉钉自定义机器人';
  if (platform === 'dingtalk') return '钉钉机器人';
  return '推送渠道';
}
