import { encrypt } from '@wecom/crypto';
import { describe, expect, it, vi } from 'vitest';
import { useScenario } from '../../support/scenario.js';
import { messagesFor } from '../../../src/i18n/messages.js';
import { openRobotReply, postToRobot, ROBOT_KEYS, seal, signed, VECTOR_A } from './wecom-client.js';

const t = messagesFor('zh-CN');

const groupText = (msgid: string, content: string, responseCode = msgid) => ({
  msgid,
  aibotid: 'AIBOTID',
  chatid: 'committee-group-1',
  chattype: 'group',
  from: { userid: 'zhangsan' },
  response_url: `https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=${responseCode}`,
  msgtype: 'text',
  text: { content },
});

describe('the WeCom smart robot callback (/wecom/bot)', () => {
  const { yishi } = useScenario(import.meta.url, { wecom: true, env: { WECOM_REPLY_WITHIN_MS: '4000' } });

  it('answers the URL check with the decrypted echostr (receive-id "")', async () => {
    const { ciphertext, query } = seal('7355608123', ROBOT_KEYS);
    query.set('echostr', ciphertext);
    const response = await fetch(`${yishi.url}/wecom/bot?${query}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('7355608123');
  });

  it('strips "@robot" from a group message and answers with a finished stream in encrypted JSON', async () => {
    const response = await postToRobot(yishi.url, groupText('CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=', '@RobotA 帮助'));
    expect(response.status).toBe(200);
    const reply = openRobotReply((await response.json()) as never);
    expect(reply).toMatchObject({ msgtype: 'stream', stream: { finish: true } });
    expect((reply.stream as { content: string }).content).toContain(t.core.help.title);
    // 帮助 is read-only (issue 20): answered without a durable inbox record.
    expect(
      await yishi.db.collection('inbound_messages').countDocuments({ _id: 'wecom-bot:CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=' as never }),
    ).toBe(0);
  });

  it('gives a retried message the same answer and stores it once', async () => {
    const callback = groupText('retried-1', '@RobotA 反映 东门路灯坏了三盏');
    const contents: string[] = [];
    for (let delivery = 0; delivery < 3; delivery += 1) {
      const response = await postToRobot(yishi.url, callback);
      contents.push((openRobotReply((await response.json()) as never).stream as { content: string }).content);
    }
    expect(new Set(contents).size).toBe(1);
    expect(await yishi.db.collection('inbound_messages').countDocuments({ _id: 'wecom-bot:retried-1' as never })).toBe(1);
  });

  it('welcomes someone who opens a chat with the robot', async () => {
    const response = await postToRobot(yishi.url, {
      msgid: 'ev-1',
      from: { userid: 'lisi' },
      chattype: 'single',
      msgtype: 'event',
      event: { eventtype: 'enter_chat' },
    });
    expect(openRobotReply((await response.json()) as never)).toEqual({ msgtype: 'text', text: { content: t.wecom.welcome } });
  });

  it('refuses a callback sealed with the corp id as receive-id (the robot uses "")', async () => {
    const { ciphertext, query } = signed(
      encrypt(ROBOT_KEYS.encodingAesKey, JSON.stringify(groupText('wrong-id', '@RobotA 帮助')), VECTOR_A.corpId),
      ROBOT_KEYS,
    );
    const response = await fetch(`${yishi.url}/wecom/bot?${query}`, { method: 'POST', body: JSON.stringify({ encrypt: ciphertext }) });
    expect(response.status).toBe(401);
    expect(await yishi.db.collection('inbound_messages').countDocuments({ _id: 'wecom-bot:wrong-id' as never })).toBe(0);
  });

  it('refuses a body that is not JSON with 400', async () => {
    const { query } = signed('x', ROBOT_KEYS);
    const response = await fetch(`${yishi.url}/wecom/bot?${query}`, { method: 'POST', body: '<xml/>' });
    expect(response.status).toBe(400);
  });
});

describe('a slow answer from the smart robot', () => {
  const { yishi, wecom: fake } = useScenario(import.meta.url, { wecom: true, env: { WECOM_REPLY_WITHIN_MS: '0' } });

  it('acks at once and posts the answer as markdown to the response_url exactly once, even when retried', async () => {
    // A command that changes something: a read-only one (帮助) is answered in the callback itself (issue 20).
    const callback = groupText('slow-1', '@RobotA 反映 东门路灯坏了三盏', 'code-slow-1');
    const first = await postToRobot(yishi.url, callback);
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('');
    await vi.waitFor(() => expect(fake.aibotResponses).toHaveLength(1), { timeout: 10_000 });
    expect(fake.aibotResponses[0]!.responseCode).toBe('code-slow-1');
    expect(fake.aibotResponses[0]!.body).toMatchObject({ msgtype: 'markdown' });
    expect((fake.aibotResponses[0]!.body.markdown as { content: string }).content).toMatch(/MY-\d{4}-\d{6}/);

    const retry = await postToRobot(yishi.url, callback);
    expect(retry.status).toBe(200);
    expect(await retry.text()).toBe('');
    expect(fake.aibotResponses).toHaveLength(1);
  });
});
