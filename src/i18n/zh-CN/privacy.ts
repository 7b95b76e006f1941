/** 隐私：联系方式、提案来源等只在该看的地方出现。 */
export const privacyZh = {
  contactInGroup: (number: string) =>
    `反映人的联系方式不能在群里查看。如需联系 ${number} 的反映人，请在与我的单聊中发送“查看联系方式 ${number}”（仅承办人和工作人员可查看，每次查看都会记录）。`,
  contactNotYours: (number: string) => `抱歉，您不能查看 ${number} 反映人的联系方式：只有承办人和工作人员可以查看。`,
  /** What can be written from an opinion, as the sentences below name it. */
  draftKinds: { proposal: '提案', 'social-report': '社情民意信息' },
  draftNotYours: (number: string, what: string) =>
    `抱歉，只能根据自己提交或承办的反映起草${what}，${number} 不在其中。如确有需要，请联系工作人员。`,
  draftAuditNote: (what: string, draftNumber: string) => `据此起草${what} ${draftNumber}`,
};
