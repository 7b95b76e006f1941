import type { Clock } from '../../core/clock.js';
import type { DingtalkConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import { SendError, type Address, type OutgoingMessage, type Sender } from '../types.js';
import type { DingtalkAccessToken } from './access-token.js';
import { dingtalkSign } from './verify.js';
import { openApiMessage, webhookBody } from './format.js';
import {
  DingtalkCode,
  describeAnswer,
  errorCodeOf,
  isAuthFailure,
  isSuccess,
  isThrottled,
  requestJson,
  type DingtalkAnswer,
} from './http-client.js';
import { customRobotId, type RobotThrottle } from './throttle.js';

type RobotAddress = Extract<Address, { platform: 'dingtalk' }>;
type CustomRobotAddress = Extract<Address, { platform: 'dingtalk-custom-robot' }>;

/** Turns a refused answer into a {@link SendError}; "too fast" also cools the robot down. */
export async function refusal(answer: DingtalkAnswer, robotId: string, throttle: RobotThrottle): Promise<SendError> {
  if (isThrottled(answer)) {
    const waitMs = await throttle.coolDown(robotId);
    return new SendError(`DingTalk throttled robot ${robotId}: ${describeAnswer(answer)}`, 'dingtalk_throttled', true, waitMs);
  }
  const code = errorCodeOf(answer);
  const retryable = answer.status >= 500;
  return new SendError(
    `DingTalk refused the message: ${describeAnswer(answer)}`,
    code ? `dingtalk_${code}` : `dingtalk_http_${answer.status}`,
    retryable,
    retryable ? 30_000 : undefined,
  );
}

/**
 * Sends through the app robot's OpenAPI (`robot/groupMessages/send` for groups,
 * `robot/oToMessages/batchSend` for one person). Works at any time, unlike a session webhook.
 */
export class DingtalkRobotSender implements Sender {
  constructor(
    private readonly config: DingtalkConfig,
    private readonly token: DingtalkAccessToken,
    private readonly throttle: RobotThrottle,
  ) {}

  async send(to: Address, message: OutgoingMessage): Promise<void> {
    if (to.platform !== 'dingtalk') throw new SendError(`not a DingTalk robot address: ${to.platform}`, 'wrong_address', false);
    await this.sendAs(to, message, this.config.robotCode);
  }

  /** Sends as `robotCode` (the robot that received the message being answered). */
  async sendAs(to: RobotAddress, message: OutgoingMessage, robotCode: string): Promise<void> {
    await this.throttle.take(robotCode);
    const { msgKey, msgParam } = openApiMessage(message);
    const [path, body] =
      to.kind === 'group'
        ? ['/v1.0/robot/groupMessages/send', { robotCode, openConversationId: to.openConversationId, msgKey, msgParam }]
        : ['/v1.0/robot/oToMessages/batchSend', { robotCode, userIds: [to.staffId], msgKey, msgParam }];
    let token = await this.token.get();
    let answer = await requestJson(`${this.config.apiBase}${path}`, {
      method: 'POST',
      body,
      headers: { 'x-acs-dingtalk-access-token': token },
    });
    if (isAuthFailure(answer)) {
      // The cached token died early (revoked, or rotated by DingTalk): renew once and retry once.
      await this.token.invalidate(token);
      token = await this.token.get();
      answer = await requestJson(`${this.config.apiBase}${path}`, {
        method: 'POST',
        body,
        headers: { 'x-acs-dingtalk-access-token': token },
      });
    }
    if (!isSuccess(answer)) throw await refusal(answer, robotCode, this.throttle);
  }
}

/** Sends to a group's custom robot webhook (`robot/send`), signed when the robot has a secret. */
export class DingtalkCustomRobotSender implements Sender {
  constructor(
    private readonly oapiBase: string,
    private readonly throttle: RobotThrottle,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async send(to: Address, message: OutgoingMessage): Promise<void> {
    if (to.platform !== 'dingtalk-custom-robot')
      throw new SendError(`not a DingTalk custom robot address: ${to.platform}`, 'wrong_address', false);
    const robotId = customRobotId(to.accessToken);
    await this.throttle.take(robotId);
    const answer = await requestJson(this.urlFor(to), { method: 'POST', body: webhookBody(message, message.mentionUserIds ?? []) });
    if (isSuccess(answer)) return;
    if (errorCodeOf(answer) === DingtalkCode.customRobotRefused) {
      // Keywords, sign or IP allow-list: the group's robot settings must change; retrying cannot help.
      this.logger.warn(
        { robotId, answer: describeAnswer(answer) },
        'DingTalk custom robot refused the message; check its security settings',
      );
    }
    throw await refusal(answer, robotId, this.throttle);
  }

  private urlFor(to: CustomRobotAddress): string {
    const base = `${this.oapiBase}/robot/send?access_token=${encodeURIComponent(to.accessToken)}`;
    if (!to.secret) return base;
    const timestamp = String(this.clock.now().getTime());
    return `${base}&timestamp=${timestamp}&sign=${encodeURIComponent(dingtalkSign(timestamp, to.secret))}`;
  }
}
