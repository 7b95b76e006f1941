import type { workbenchZh } from '../zh-CN/workbench.js';

/** The workbench: sign-in links, sign-in pages, sessions and roles, and the opinion board's words. */
export const workbenchEn: typeof workbenchZh = {
  command: {
    usage: 'workbench',
    description: 'Get a link that signs you in to the Yishi workbench (sent to you only, valid once within 10 minutes)',
    examples: ['工作台', '登录'],
  },
  link: (url: string) => `Open this link to sign in to the Yishi workbench (valid once within 10 minutes; do not forward it):\n${url}`,
  linkInPrivate: 'Sign-in links are sent in private only: check your direct chat with Yishi.',
  pages: {
    title: 'Could not sign in to the Yishi workbench',
    ticket_invalid: 'This sign-in link is invalid or has expired (links last 10 minutes). Send 工作台 to Yishi in chat for a new one.',
    ticket_used: 'This sign-in link has already been used; each link works once. Send 工作台 to Yishi in chat for a new one.',
    member_unknown: 'No member matches your account. Ask the CPPCC office to register you.',
    member_inactive: 'Your member account is deactivated and cannot sign in. Ask the CPPCC office if this is a mistake.',
    code_invalid: "The platform's sign-in code is invalid or used. Open the workbench again from WeCom or DingTalk.",
    platform_off: 'This way of signing in is not set up; use the 工作台 link from chat instead.',
    state_invalid: 'This sign-in request has expired or did not start here. Open the workbench again.',
    again: 'Sign in again',
  },
  errors: {
    session_missing: 'Sign in to the workbench first: send 工作台 to Yishi in chat for a link.',
    session_invalid: 'Your sign-in has expired or you signed out; sign in to the workbench again.',
    cookie_foreign: 'This sign-in was not issued by this Yishi; sign in again.',
    member_inactive: 'Your member account is deactivated and can no longer use the workbench.',
    csrf_missing: 'The request lacks a valid X-CSRF-Token and was not carried out. Reload the page and try again.',
    role_too_low: 'Your role cannot use this: it is for CPPCC office staff.',
    token_only: 'This route accepts the admin token only, not a workbench sign-in.',
    opinion_out_of_scope: 'You may see opinions you filed or handle; a convenor also those of the members of their sector.',
    code_invalid: "The platform's sign-in code is invalid or used; open the workbench again.",
    platform_off: 'This way of signing in is not set up.',
    action_unknown: 'No such action.',
    not_json: 'The sign-in request must be application/json; nothing was done. Open the workbench again in DingTalk.',
  },
  board: {
    noContact: 'No contact details given',
    preview: {
      accept: (number: string) => `${number} becomes accepted; its time limit starts by its grade.`,
      start: (number: string) => `${number} becomes in progress.`,
      grade: (number: string, grade: string) => `${number} is graded ${grade}; its time limit is counted again from acceptance.`,
      assign: (number: string, name: string) => `${number} is assigned to ${name}.`,
      resolve: (number: string, result: string) => `${number} is resolved: ${result}`,
      resolveOnSpot: (number: string, result: string) => `${number} is resolved on the spot: ${result}`,
      escalate: (number: string) => `${number} becomes a consultation topic.`,
      decline: (number: string, reason: string) => `${number} is declined: ${reason}`,
      merge: (number: string, into: string) => `${number} is merged into ${into}, with its +1s.`,
      reclassify: (number: string, what: string) => `${number} is reclassified: ${what}.`,
      reopen: (number: string) => `${number} is reopened and goes back to its handler.`,
    },
    notified: {
      filer: 'The filer is told of the change.',
      handler: (name: string) => `${name} is told of the assignment.`,
      staff: 'The office group is told.',
      mergeTarget: (number: string) => `The filer of ${number} sees the merged +1s.`,
    },
  },
};
