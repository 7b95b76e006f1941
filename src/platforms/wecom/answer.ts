/**
 * WeCom's app and smart robot answer through the platforms' one reply-now-or-later rule
 * (src/core/answer-in-time.ts): in the callback's response while it is quick and fits, else
 * acked and sent through the API once.
 */
export { answerInTime, RETRY_AFTER_ACK_MS, type AnswerDeps, type AnswerWays } from '../../core/answer-in-time.js';
