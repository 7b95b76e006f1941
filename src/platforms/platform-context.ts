import type { Config } from '../config.js';
import type { Bot } from '../core/bot.js';
import type { Clock } from '../core/clock.js';
import type { Messages } from '../i18n/messages.js';
import type { Logger } from '../logger.js';
import type { MemberRepository } from '../services/members/member-records.js';
import type { Notifier } from '../services/notifier.js';
import type { Coordination } from '../core/coordination.js';
import type { ConsoleRoutesDeps } from './console/console-routes.js';
import type { WecomKf } from './wecom/kf.js';
import type { Sender } from './types.js';
import type { ResidentMessage } from '../services/residents/resident-desk.js';

/** What the composition hands every platform's `connect`: take what you need. */
export interface PlatformContext {
  config: Config;
  bot: Bot;
  coordination: Coordination;
  clock: Clock;
  logger: Logger;
  messages: Messages;
  notifier: Notifier;
  members: MemberRepository;
  consoleMessages: ConsoleRoutesDeps['consoleMessages'];
  /**
   * 微信客服 as the residents' desk built it (undefined without the WeCom app): its events arrive
   * on the WeCom app's callback, and its sender serves `wecom-kf` addresses.
   */
  wecomKf?: WecomKf;
  /**
   * The residents' desk (微信客服's door into the bot) and the channel behind `wecom-kf` addresses: WeCom's
   * account when configured, and always the simulator's (`npm run chat`, POST /console/kf).
   */
  residents: { sender: Sender; desk: { handlePage(messages: readonly ResidentMessage[]): Promise<void> } };
  /** Asks the outbox to send what is due soon (a platform that only one instance can send through uses it). */
  requestDispatch?: () => void;
}
