import type { wecomZh } from '../zh-CN/wecom.js';

/** WeCom: the welcome on entering the app, unsupported message types, the cut-off note, the long connection's "working on it". */
export const wecomEn: typeof wecomZh = {
  welcome:
    'Hello, I am the Yishi assistant. Just type what you need, for example "反映 the street light is broken"; send "help" to see every command.',
  onlyText: 'For now I can only read text messages. Please tell me in words what you need; send "help" to see every command.',
  truncated: '\n\n… (This is the first part of a long text. Please contact the CPPCC office for the rest.)',
  working: 'Working on it…',
  handled: 'Received.',
};
