import { UNDOCUMENTED_INBOUND_LIMITS, type InboundLimits } from '../types.js';

/**
 * What the WeCom callbacks (self-built app, smart robot) and 微信客服 deliver. WeCom documents no
 * limit on the text members and customers send; its 2048-byte limit is on what apps send
 * (protocols.md §2), so the default applies.
 */
export const WECOM_INBOUND_LIMITS: InboundLimits = UNDOCUMENTED_INBOUND_LIMITS;
