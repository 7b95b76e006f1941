import { encrypt } from '@wecom/crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { useScenario } from '../../support/scenario.js';
import { APP_KEYS, envelope, openAppReply, postToApp, seal, signed, textMessageXml, VECTOR_A } from './wecom-client.js';

/** Each bad delivery gets a 4xx, leaves no trace, and the next good message is still answered. */
describe('bad deliveries to the WeCom app callback', () => {
  let goodCount = 0;

  const { yishi } = useScenario(import.meta.url, { wecom: true, env: { WECOM_REPLY_WITHIN_MS: '4000' } });

  const inbox = () => yishi.db.collection('inbound_messages');
  const post = (query: URLSearchParams, body: string | Uint8Array) => fetch(`${yishi.url}/wecom/app?${query}`, { method: 'POST', body });
  const goodMessage = () => textMessageXml({ from: 'zhangsan', content: '帮助', msgId: `good-${Date.now()}-${goodCount++}` });

  async function expectRefusedWithoutTrace(response: Response, status: number | 'any4xx') {
    if (status === 'any4xx') {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    } else expect(response.status).toBe(status);
    await response.arrayBuffer();
    expect(await inbox().countDocuments()).toBe(0);
  }

  // The process keeps serving: after every refusal a good message is answered (then cleaned away).
  afterEach(async () => {
    const response = await postToApp(yishi.url, goodMessage());
    expect(response.status).toBe(200);
    expect(openAppReply(await response.text()).Content).not.toBe('');
    await inbox().deleteMany({});
  });

  it('refuses a tampered signature with 401', async () => {
    const { ciphertext, query } = seal(goodMessage());
    const signature = query.get('msg_signature')!;
    query.set('msg_signature', `${signature[0] === 'a' ? 'b' : 'a'}${signature.slice(1)}`);
    await expectRefusedWithoutTrace(await post(query, envelope(ciphertext)), 401);
  });

  it('refuses a message sealed for another corp (wrong receive-id) with 401', async () => {
    const { ciphertext, query } = signed(encrypt(APP_KEYS.encodingAesKey, goodMessage(), 'ww-another-corp'));
    await expectRefusedWithoutTrace(await post(query, envelope(ciphertext)), 401);
  });

  it('refuses a truncated ciphertext (correctly signed) with 400', async () => {
    const full = encrypt(APP_KEYS.encodingAesKey, goodMessage(), VECTOR_A.corpId);
    for (const cut of [full.slice(0, -4), full.slice(0, -24), full.slice(0, -3)]) {
      const { ciphertext, query } = signed(cut);
      await expectRefusedWithoutTrace(await post(query, envelope(ciphertext)), 400);
    }
  });

  it('refuses a body that is not XML with 400', async () => {
    const { query } = signed('whatever');
    await expectRefusedWithoutTrace(await post(query, '{"Encrypt":"not xml at all"}'), 400);
  });

  it('refuses inner XML that declares a DTD or an entity with 400', async () => {
    const withDtd = `<!DOCTYPE xml [<!ENTITY boom "boom">]><xml><ToUserName><![CDATA[${VECTOR_A.corpId}]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>&boom;</Content><MsgId>1</MsgId></xml>`;
    const withEntityOnly = `<xml><!ENTITY boom "boom"><MsgType>text</MsgType><FromUserName>zhangsan</FromUserName><Content>&boom;</Content><MsgId>2</MsgId></xml>`;
    for (const inner of [withDtd, withEntityOnly]) {
      const { ciphertext, query } = seal(inner);
      await expectRefusedWithoutTrace(await post(query, envelope(ciphertext)), 400);
    }
  });

  it('refuses a 5 MB body with 413', async () => {
    const { ciphertext, query } = seal(goodMessage());
    const huge = envelope(ciphertext).replace('</xml>', `<Padding>${'x'.repeat(5 * 1024 * 1024)}</Padding></xml>`);
    await expectRefusedWithoutTrace(await post(query, huge), 413);
  });

  it('refuses a body that is not valid UTF-8 with 400', async () => {
    const { ciphertext, query } = seal(goodMessage());
    const bytes = Buffer.from(envelope(ciphertext).replace('<AgentID>', '<Note>\u0001</Note><AgentID>'), 'utf8');
    const broken = Buffer.from(bytes.toString('latin1').replace('\u0001', '\u00ff\u00fe'), 'latin1');
    await expectRefusedWithoutTrace(await post(query, broken), 400);
  });

  it('refuses an inner message that is not valid UTF-8 with 400', async () => {
    // Sealed by hand so the Content carries raw bytes 0xC3 0x28 (an invalid UTF-8 sequence).
    const { createCipheriv, randomBytes } = await import('node:crypto');
    const key = Buffer.from(`${APP_KEYS.encodingAesKey}=`, 'base64');
    const [before, after] = goodMessage().split('帮助') as [string, string];
    const message = Buffer.concat([Buffer.from(before), Buffer.from([0xc3, 0x28]), Buffer.from(after)]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(message.length);
    const plain = Buffer.concat([randomBytes(16), length, message, Buffer.from(VECTOR_A.corpId)]);
    const pad = 32 - (plain.length % 32);
    const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
    const ciphertext = Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
    const { query } = signed(ciphertext);
    await expectRefusedWithoutTrace(await post(query, envelope(ciphertext)), 400);
  });
});
