import { APP_KEYS, envelope, seal, textMessageXml } from '../../test/platforms/wecom/wecom-client.js';

/** One signed and encrypted WeCom callback, ready to be sent. */
export interface SealedRequest {
  path: string;
  body: string;
}

/** Registered members who file the benchmark's opinions (wecomUserId = id). */
export const benchMembers = (count: number) => Array.from({ length: count }, (_, k) => ({ id: `bench-m${k}`, name: `压测委员${k}` }));

const PLACES = ['东门小区', '西街菜市场', '南湖公园', '北站公交站', '中心小学', '滨河步道', '老城区巷口', '新区广场'];
const ISSUES = ['路灯不亮', '井盖松动', '垃圾清运不及时', '噪音扰民', '停车占道', '积水严重', '健身器材损坏', '绿化带缺水'];

/**
 * `count` distinct messages numbered from `first` (`text(n)` says what message n says), spread
 * over the members: each one has its own MsgId and its own nonce, so every one is sealed and signed
 * separately. `idBase` keeps the MsgIds of different kinds of message apart.
 */
function sealedMessages(
  first: number,
  count: number,
  members: Array<{ id: string }>,
  text: (n: number) => string,
  idBase: bigint,
): SealedRequest[] {
  const requests: SealedRequest[] = [];
  const timestamp = String(Math.floor(Date.now() / 1000));
  for (let n = first; n < first + count; n += 1) {
    const inner = textMessageXml({
      from: members[n % members.length]!.id,
      content: text(n),
      msgId: String(idBase + BigInt(n)),
      createTime: Number(timestamp),
    });
    const { ciphertext, query } = seal(inner, APP_KEYS, timestamp, `${n}${timestamp}`);
    requests.push({ path: `/wecom/app?${query}`, body: envelope(ciphertext) });
  }
  return requests;
}

/** Distinct 反映 messages (the write path): each files an opinion. */
export function sealedOpinions(first: number, count: number, members: Array<{ id: string }>): SealedRequest[] {
  const content = (n: number) =>
    `反映 ${PLACES[n % PLACES.length]}${ISSUES[Math.floor(n / PLACES.length) % ISSUES.length]}，第${n}号压测留言，请尽快处理`;
  return sealedMessages(first, count, members, content, 9_100_000_000_000_000_000n);
}

/** Distinct 帮助 messages (the read path): each is answered, nothing is stored. */
export function sealedHelps(first: number, count: number, members: Array<{ id: string }>): SealedRequest[] {
  return sealedMessages(first, count, members, () => '帮助', 9_200_000_000_000_000_000n);
}
