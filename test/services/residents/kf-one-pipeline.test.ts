import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { useScenario } from '../../support/scenario.js';
import { addCommunity, notifyKf, OPEN_KFID, residentSays } from './kf-support.js';

// 微信客服 is an ordinary adapter into the bot: its messages take the bot's one dedup (inbox key
// `wecom-kf:<msgid>`, the key the residents' desk used before), and each answer goes out once.
const clock = new ManualClock('2026-03-02T01:00:00Z');

const { yishi, wecom: fake } = useScenario(import.meta.url, { kf: true, clock, scheduler: 'manual' }, async () => {
  await addCommunity(yishi, '青石社区', 'qs01');
});

describe('a 微信客服 message goes through the bot pipeline', () => {
  it('is answered once when sync_msg returns the same msgid again in a later page', async () => {
    expect(await residentSays(yishi, fake, 'wmTwice', '我的反映')).toContain('还没有反映过');
    const msgid = fake.kf.lastMsgId(OPEN_KFID);
    const sends = fake.kf.sends.length;

    await notifyKf(yishi, fake, fake.kf.deliverAgain(OPEN_KFID, msgid));
    const lastPage = fake.kf.syncCalls.at(-1)!;
    expect(lastPage.returned).toEqual([msgid]);
    expect(fake.kf.sends.length).toBe(sends);
    expect(fake.kf.sentTo('wmTwice')).toHaveLength(1);
  });

  it('welcomes once when an enter_session event is read again', async () => {
    const entered = fake.kf.customerEnters(OPEN_KFID, 'wmEvent', 'qs01');
    await notifyKf(yishi, fake, entered.token);
    const eventId = fake.kf.lastMsgId(OPEN_KFID);
    expect(fake.kf.welcomes.filter((w) => w.code === entered.welcomeCode)).toHaveLength(1);
    await notifyKf(yishi, fake, fake.kf.deliverAgain(OPEN_KFID, eventId));
    expect(fake.kf.welcomes.filter((w) => w.code === entered.welcomeCode)).toHaveLength(1);
    expect(await yishi.repositories.inbox.claim(`wecom-kf:${eventId}`, clock.now(), 60_000)).toMatchObject({ status: 'done' });
  });

  it('does not answer again a msgid recorded before the upgrade, under the desk’s old inbox key', async () => {
    const token = fake.kf.customerSays(OPEN_KFID, 'wmUpgraded', '我的反映');
    const msgid = fake.kf.lastMsgId(OPEN_KFID);
    // What the residents' desk stored for a message it had answered: its key and its reply, as text.
    const { inbox } = yishi.repositories;
    expect(await inbox.claim(`wecom-kf:${msgid}`, clock.now(), 60_000)).toEqual({ status: 'new' });
    await inbox.finish(`wecom-kf:${msgid}`, [{ text: '您还没有反映过事情。', format: 'text' }], clock.now());

    await notifyKf(yishi, fake, token);
    expect(fake.kf.syncCalls.at(-1)!.returned).toContain(msgid);
    expect(fake.kf.sentTo('wmUpgraded')).toEqual([]);
    // The resident's next message is answered as usual, and nothing of the old one was kept back to follow it.
    expect(await residentSays(yishi, fake, 'wmUpgraded', '我的反映')).toContain('还没有反映过');
    expect(fake.kf.sentTo('wmUpgraded')).toHaveLength(1);
  });
});
