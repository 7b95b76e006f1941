import type { inputZh } from '../zh-CN/input.js';

/** Limits on a message itself: a message that is too long is not read, and the sender is asked to shorten it. */
export const inputEn: typeof inputZh = {
  tooLong: (length, limit) =>
    `That message is too long (${length} characters): Yishi reads at most ${limit} at a time, so nothing was done with it. Please shorten it to ${limit} characters or fewer and send it again; for longer material, send the main points and give the details to the CPPCC office.`,
  residentTooLong: (length, limit) =>
    `Your message is too long (${length} characters): we can take at most ${limit} at a time, so nothing was recorded. Please send the main points in ${limit} characters or fewer; photos of the place can be sent as they are.`,
};
