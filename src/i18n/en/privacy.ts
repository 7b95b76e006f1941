import type { privacyZh } from '../zh-CN/privacy.js';

export const privacyEn: typeof privacyZh = {
  contactInGroup: (number) =>
    `A filer's contact details cannot be shown in a group. To contact the filer of ${number}, send "查看联系方式 ${number}" to me in a direct chat (only the handler and staff may, and every look is recorded).`,
  contactNotYours: (number) => `Sorry, you may not see the contact details of the filer of ${number}: only its handler and staff may.`,
  draftKinds: { proposal: 'proposal', 'social-report': 'social-conditions report' },
  draftNotYours: (number, what) =>
    `Sorry, a ${what} may only be drafted from an opinion you filed or handle, and ${number} is neither. Ask staff if you need it.`,
  draftAuditNote: (what, draftNumber) => `${what} ${draftNumber} drafted from it`,
};
