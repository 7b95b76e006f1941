/** 工作台：登录链接、登录页、会话与权限的说明，民意看板的用语。 */
export const workbenchZh = {
  command: {
    usage: '工作台',
    description: '获取登录议事工作台的链接（只发给您本人，10分钟内有效，只能使用一次）',
    examples: ['工作台', '登录'],
  },
  link: (url: string) => `请点击下面的链接登录议事工作台（10分钟内有效，只能使用一次，请勿转发给他人）：\n${url}`,
  linkInPrivate: '登录链接只能私下发送，已通过单聊发给您，请在与议事助手的单聊中查看。',
  /** 登录失败时的网页：标题和一句说明（中文在前，英文在后）。 */
  pages: {
    title: '无法登录议事工作台',
    ticket_invalid: '这个登录链接无效或已过期（链接10分钟内有效）。请在聊天中给议事助手发送“工作台”获取新的链接。',
    ticket_used: '这个登录链接已经用过了，每个链接只能使用一次。请在聊天中给议事助手发送“工作台”获取新的链接。',
    member_unknown: '没有找到与您的账号对应的成员。请联系政协办公室的工作人员为您登记。',
    member_inactive: '您的成员账号已停用，不能登录工作台。如有疑问请联系政协办公室。',
    code_invalid: '平台的登录凭证无效或已经用过。请回到企业微信或钉钉重新打开工作台。',
    platform_off: '这个登录方式还没有配置，请改用聊天中的“工作台”链接登录。',
    state_invalid: '登录请求已失效（可能打开得太久或不是从本站发起的），请重新打开工作台。',
    again: '重新登录',
  } as Record<string, string>,
  errors: {
    session_missing: '请先登录议事工作台：在聊天中给议事助手发送“工作台”获取登录链接。',
    session_invalid: '登录已过期或已退出，请重新登录议事工作台。',
    cookie_foreign: '这个登录信息不是本系统签发的，请重新登录议事工作台。',
    member_inactive: '您的成员账号已停用，不能继续使用工作台。',
    csrf_missing: '请求缺少有效的 X-CSRF-Token，没有执行。请刷新页面后再试。',
    role_too_low: '您的角色不能使用这项功能：它只对政协办公室的工作人员开放。',
    token_only: '这个接口只接受管理令牌，不能用工作台登录访问。',
    opinion_out_of_scope: '您只能查看自己提交或办理的反映；召集人可以查看本界别成员提交或办理的反映。',
    code_invalid: '平台的登录凭证无效或已经用过，请重新打开工作台。',
    platform_off: '这个登录方式还没有配置。',
    action_unknown: '没有这个操作。',
    not_json: '登录请求的格式不对（需要 application/json），没有执行。请在钉钉里重新打开工作台。',
  } as Record<string, string>,
  board: {
    noContact: '没有留下联系方式',
    /** 预览一项此刻不能做的操作时的说明（与真正办理时的检查同一条规则）。 */
    notAllowedNow: (number: string, state: string, action: string) =>
      `${number} 目前是“${state}”，您现在不能对它“${action}”。请刷新后看看还能做哪些操作。`,
    noSuchHandler: '没有这位成员，或他（她）的账号已停用，不能分派给他（她）。',
    preview: {
      accept: (number: string) => `${number} 将变为“已受理”，并按分级开始计算办理时限。`,
      start: (number: string) => `${number} 将变为“办理中”。`,
      grade: (number: string, grade: string) => `${number} 的分级将改为“${grade}”，办理时限从受理时重新计算。`,
      assign: (number: string, name: string) => `${number} 将分派给 ${name} 办理。`,
      resolve: (number: string, result: string) => `${number} 将办结，办理结果：${result}`,
      resolveOnSpot: (number: string, result: string) => `${number} 将当场办结，办理结果：${result}`,
      escalate: (number: string) => `${number} 将转为协商议题。`,
      decline: (number: string, reason: string) => `${number} 将不予受理，理由：${reason}`,
      merge: (number: string, into: string) => `${number} 将合并到 ${into}，附议一并转过去。`,
      reclassify: (number: string, what: string) => `${number} 的分类将改为：${what}。`,
      reopen: (number: string) => `${number} 将重新打开，退回原办理人。`,
    },
    notified: {
      filer: '反映人会收到状态变化的通知。',
      handler: (name: string) => `${name} 会收到分派通知。`,
      staff: '办公室工作群会收到通知。',
      mergeTarget: (number: string) => `${number} 的反映人会看到合并后的附议。`,
    },
  },
};
