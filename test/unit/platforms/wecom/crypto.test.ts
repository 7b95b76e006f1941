import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WecomCipher, signedQuery, type SignedQuery } from '../../../../src/platforms/wecom/crypto.js';

// The parameters and captured requests of WeCom's own callback sample (weworkapi_python, callback/Sample.py).
const TOKEN = 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo';
const AES_KEY = '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt';
const CORP_ID = 'ww1436e0e65a779aee';
const URL_CHECK = {
  query: { signature: '012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb', timestamp: '1476416373', nonce: '47744683' },
  echostr: 'fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==',
  plaintext: '1288432023552776189',
};
const MESSAGE = {
  query: { signature: '0c3914025cb4b4d68103f6bfc8db550f79dcf48e', timestamp: '1476422779', nonce: '1597212914' },
  encrypt:
    'Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+',
  plaintext:
    '<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content><MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>',
};

// An independent WXBizMsgCrypt written from the published layout, so the tests do not trust the library under test.
const keyOf = (encodingAesKey: string) => Buffer.from(`${encodingAesKey}=`, 'base64');
const sha1Signature = (...parts: string[]) =>
  createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
const RANDOM = Buffer.from('0123456789abcdef');

interface Layout {
  message: Buffer;
  receiveId: string;
  /** msg_len as written; defaults to the message's byte length. */
  declaredLength?: number;
  /** The padding bytes; defaults to PKCS#7 to a multiple of 32. */
  padding?: Buffer;
}

function pkcs7(length: number, block: number): Buffer {
  const size = block - (length % block);
  return Buffer.alloc(size, size);
}

function sealRaw({ message, receiveId, declaredLength, padding }: Layout, encodingAesKey = AES_KEY): string {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(declaredLength ?? message.length);
  const body = Buffer.concat([RANDOM, length, message, Buffer.from(receiveId, 'utf8')]);
  const key = keyOf(encodingAesKey);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([body, padding ?? pkcs7(body.length, 32)])), cipher.final()]).toString('base64');
}

function openRaw(encrypted: string): Buffer {
  const key = keyOf(AES_KEY);
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
}

const signed = (encrypted: string, timestamp = '1700000000', nonce = 'n0nce'): SignedQuery => ({
  signature: sha1Signature(TOKEN, timestamp, nonce, encrypted),
  timestamp,
  nonce,
});

const app = new WecomCipher(TOKEN, AES_KEY, CORP_ID);

function refusal(run: () => unknown): { code: string; status: number } {
  const { code, status } = refusalWithReason(run);
  return { code, status };
}

/** The refusal and the reason it gives the log. */
function refusalWithReason(run: () => unknown): { code: string; status: number; message: string } {
  try {
    run();
  } catch (error) {
    const { code, status, message } = error as { code: string; status: number; message: string };
    return { code, status, message };
  }
  throw new Error('expected a refusal');
}

describe("WeCom's published sample requests", () => {
  it('verifies the URL check and returns the decrypted echostr', () => {
    expect(app.open(URL_CHECK.query, URL_CHECK.echostr)).toBe(URL_CHECK.plaintext);
  });

  it('verifies and decrypts the sample message, Chinese content included', () => {
    expect(app.open(MESSAGE.query, MESSAGE.encrypt)).toBe(MESSAGE.plaintext);
  });

  it('computes the same signatures as the sample with the plain SHA-1 over the sorted values', () => {
    expect(sha1Signature(TOKEN, URL_CHECK.query.timestamp, URL_CHECK.query.nonce, URL_CHECK.echostr)).toBe(URL_CHECK.query.signature);
    expect(sha1Signature(TOKEN, MESSAGE.query.timestamp, MESSAGE.query.nonce, MESSAGE.encrypt)).toBe(MESSAGE.query.signature);
  });

  it('accepts the signature in upper case, as some proxies rewrite it', () => {
    expect(app.open({ ...MESSAGE.query, signature: MESSAGE.query.signature.toUpperCase() }, MESSAGE.encrypt)).toBe(MESSAGE.plaintext);
  });
});

describe('the signature check', () => {
  const cases: Array<[string, SignedQuery]> = [
    ['another timestamp', { ...MESSAGE.query, timestamp: '1476422780' }],
    ['another nonce', { ...MESSAGE.query, nonce: '1597212915' }],
    ['one hex digit changed', { ...MESSAGE.query, signature: `1${MESSAGE.query.signature.slice(1)}` }],
    ['one character short', { ...MESSAGE.query, signature: MESSAGE.query.signature.slice(1) }],
    ['one character long', { ...MESSAGE.query, signature: `${MESSAGE.query.signature}0` }],
    ['not hex', { ...MESSAGE.query, signature: `${MESSAGE.query.signature.slice(1)}g` }],
    ['empty', { ...MESSAGE.query, signature: '' }],
    ['surrounded by spaces', { ...MESSAGE.query, signature: ` ${MESSAGE.query.signature}` }],
    ['the URL check signature', URL_CHECK.query],
  ];
  for (const [what, query] of cases) {
    it(`refuses ${what} with 401 before decrypting`, () => {
      expect(refusal(() => app.open(query, MESSAGE.encrypt))).toEqual({ code: 'wecom_signature_invalid', status: 401 });
    });
  }

  it('tells the log why: the signature does not match', () => {
    expect(refusalWithReason(() => app.open({ ...MESSAGE.query, nonce: 'x' }, MESSAGE.encrypt)).message).toBe(
      'msg_signature does not match',
    );
  });

  it('refuses a message signed with another token', () => {
    const other = new WecomCipher('another-token', AES_KEY, CORP_ID);
    expect(refusal(() => other.open(MESSAGE.query, MESSAGE.encrypt)).code).toBe('wecom_signature_invalid');
  });
});

describe('decrypting', () => {
  const message = Buffer.from('<xml><Content>路灯坏了</Content></xml>', 'utf8');

  it('reads every PKCS#7 pad length from 1 to 32 (WeCom pads to 32-byte blocks, not 16)', () => {
    const fixed = RANDOM.length + 4 + CORP_ID.length;
    for (let pad = 1; pad <= 32; pad++) {
      const text = 'a'.repeat((((32 - pad - fixed - 6) % 32) + 32) % 32) + '路灯';
      const encrypted = sealRaw({ message: Buffer.from(text, 'utf8'), receiveId: CORP_ID });
      expect(openRaw(encrypted).at(-1), `pad ${pad}`).toBe(pad);
      expect(app.open(signed(encrypted), encrypted), `pad ${pad}`).toBe(text);
    }
  });

  it('reads an empty message and one of several kilobytes', () => {
    for (const text of ['', '议'.repeat(3000)]) {
      const encrypted = sealRaw({ message: Buffer.from(text, 'utf8'), receiveId: CORP_ID });
      expect(app.open(signed(encrypted), encrypted)).toBe(text);
    }
  });

  it('reads the smart robot, whose receive-id is empty', () => {
    const robot = new WecomCipher(TOKEN, AES_KEY, '');
    const encrypted = sealRaw({ message, receiveId: '' });
    expect(robot.open(signed(encrypted), encrypted)).toBe(message.toString('utf8'));
    expect(refusal(() => app.open(signed(encrypted), encrypted))).toEqual({ code: 'wecom_receive_id_mismatch', status: 401 });
  });

  it.each([
    ['another corp', 'ww0000000000000000'],
    ['our corp id with one more character', `${CORP_ID}x`],
    ['our corp id in upper case', CORP_ID.toUpperCase()],
    ['a third-party suite', 'wx5823bf96d3bd56c7'],
  ])('refuses a ciphertext for %s (receive-id %s) with 401', (_what, receiveId) => {
    const encrypted = sealRaw({ message, receiveId });
    expect(refusal(() => app.open(signed(encrypted), encrypted))).toEqual({ code: 'wecom_receive_id_mismatch', status: 401 });
  });

  // 'a' × 10 with our corp id makes a 48-byte body: WeCom's padding is 16 bytes of 0x10.
  const ten = (padding: Buffer) => sealRaw({ message: Buffer.from('a'.repeat(10)), receiveId: CORP_ID, padding });
  const malformed: Array<[string, () => string]> = [
    ['padded to 16-byte blocks', () => sealRaw({ message: Buffer.from('a'), receiveId: CORP_ID, padding: pkcs7(39, 16) })],
    ['pad bytes that disagree', () => ten(Buffer.concat([Buffer.alloc(15, 3), Buffer.from([16])]))],
    ['invalid UTF-8 in the message', () => sealRaw({ message: Buffer.from([0x3c, 0xff, 0xfe, 0x3e]), receiveId: CORP_ID })],
    ['its last block cut off', () => dropBytes(sealRaw({ message, receiveId: CORP_ID }), 16)],
    ['a length not a multiple of the AES block', () => dropBytes(sealRaw({ message, receiveId: CORP_ID }), 5)],
    ['only one block', () => Buffer.alloc(16, 7).toString('base64')],
    ['not Base64', () => '路灯坏了'],
    ['Base64 with a character missing', () => sealRaw({ message, receiveId: CORP_ID }).slice(1)],
    ['Base64 with a space inside', () => sealRaw({ message, receiveId: CORP_ID }).replace(/^(.{8})/, '$1 ')],
    ['URL-safe Base64', () => '-_'.repeat(32)],
    ['nothing', () => ''],
  ];
  for (const [what, make] of malformed) {
    it(`refuses a correctly signed ciphertext with ${what} (400)`, () => {
      const encrypted = make();
      expect(refusal(() => app.open(signed(encrypted), encrypted))).toEqual({ code: 'wecom_decrypt_failed', status: 400 });
    });
  }

  it('tells the log which check refused a ciphertext', () => {
    const otherCorp = sealRaw({ message, receiveId: 'ww0000000000000000' });
    expect(refusalWithReason(() => app.open(signed(otherCorp), otherCorp)).message).toBe(
      'the receive-id inside the ciphertext is not ours',
    );
    const junk = '路灯坏了';
    expect(refusalWithReason(() => app.open(signed(junk), junk)).message).toBe('ciphertext could not be decrypted: not Base64');
    const short = dropBytes(sealRaw({ message, receiveId: CORP_ID }), 5);
    expect(refusalWithReason(() => app.open(signed(short), short)).message).toMatch(/^ciphertext could not be decrypted: .+/);
    const badUtf8 = sealRaw({ message: Buffer.from([0x3c, 0xff, 0xfe, 0x3e]), receiveId: CORP_ID });
    expect(refusalWithReason(() => app.open(signed(badUtf8), badUtf8))).toEqual({
      code: 'wecom_decrypt_failed',
      status: 400,
      message: 'the plaintext is not well-formed (padding, length or UTF-8)',
    });
  });

  it('refuses a pad byte outside 1..32: the library leaves it on, so the receive-id no longer matches', () => {
    for (const padding of [Buffer.concat([Buffer.alloc(15, 16), Buffer.from([0])]), Buffer.alloc(16, 33), Buffer.alloc(48, 48)]) {
      const encrypted = ten(padding);
      expect(refusal(() => app.open(signed(encrypted), encrypted))).toEqual({ code: 'wecom_receive_id_mismatch', status: 401 });
    }
  });

  it('refuses a wrong msg_len: the receive-id after it no longer matches, or nothing is left for it', () => {
    const robot = new WecomCipher(TOKEN, AES_KEY, '');
    for (const delta of [1, -1, 1000]) {
      const forApp = sealRaw({ message, receiveId: CORP_ID, declaredLength: message.length + delta });
      expect(refusal(() => app.open(signed(forApp), forApp)).code, `app ${delta}`).toBe('wecom_receive_id_mismatch');
      const forRobot = sealRaw({ message, receiveId: '', declaredLength: message.length + delta });
      expect(refusal(() => robot.open(signed(forRobot), forRobot)).code, `robot ${delta}`).toMatch(
        /^wecom_(decrypt_failed|receive_id_mismatch)$/,
      );
    }
  });

  it('refuses a tampered ciphertext or one made with another key, whichever check notices first', () => {
    const tampered = [
      flipBit(sealRaw({ message, receiveId: CORP_ID }), 20),
      flipBit(sealRaw({ message, receiveId: CORP_ID }), 40),
      flipBit(sealRaw({ message, receiveId: CORP_ID }), 60),
      sealRaw({ message, receiveId: CORP_ID }, 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'),
    ];
    for (const encrypted of tampered) {
      expect(refusal(() => app.open(signed(encrypted), encrypted)).code).toMatch(/^wecom_(decrypt_failed|receive_id_mismatch)$/);
    }
  });
});

function flipBit(encrypted: string, byte: number): string {
  const bytes = Buffer.from(encrypted, 'base64');
  bytes[byte] = bytes[byte]! ^ 1;
  return bytes.toString('base64');
}

function dropBytes(encrypted: string, count: number): string {
  const bytes = Buffer.from(encrypted, 'base64');
  return bytes.subarray(0, bytes.length - count).toString('base64');
}

describe('sealing an answer', () => {
  it('encrypts with the published layout and signs with the SHA-1 of the sorted values', () => {
    const answer = '<xml><Content>您的反映已收到，编号 MY-2026-000123</Content></xml>';
    const sealed = app.seal(answer, '1476422779', '1597212914');
    expect(sealed).toMatchObject({ timestamp: '1476422779', nonce: '1597212914' });
    expect(sealed.signature).toBe(sha1Signature(TOKEN, '1476422779', '1597212914', sealed.encrypt));
    const plain = openRaw(sealed.encrypt);
    const length = plain.readUInt32BE(16);
    const pad = plain.at(-1)!;
    expect(plain.length % 32).toBe(0);
    expect(plain.subarray(plain.length - pad).every((b) => b === pad)).toBe(true);
    expect(length).toBe(Buffer.byteLength(answer, 'utf8'));
    expect(plain.subarray(20, 20 + length).toString('utf8')).toBe(answer);
    expect(plain.subarray(20 + length, plain.length - pad).toString('utf8')).toBe(CORP_ID);
  });

  it('opens what it seals, with a fresh nonce and fresh random bytes each time', () => {
    const first = app.seal('确认', '1700000000');
    const second = app.seal('确认', '1700000000');
    expect(first.nonce).toMatch(/^[0-9a-f]{16}$/);
    expect(first.nonce).not.toBe(second.nonce);
    expect(first.encrypt).not.toBe(second.encrypt);
    expect(app.open({ signature: first.signature, timestamp: first.timestamp, nonce: first.nonce }, first.encrypt)).toBe('确认');
  });
});

describe('signedQuery', () => {
  it('reads msg_signature, timestamp and nonce', () => {
    expect(signedQuery({ msg_signature: 'abc', timestamp: '1', nonce: 'n', echostr: 'x' })).toEqual({
      signature: 'abc',
      timestamp: '1',
      nonce: 'n',
    });
    expect(signedQuery({ msg_signature: 'a'.repeat(200), timestamp: '1', nonce: 'n' }).signature).toHaveLength(200);
  });

  it.each([
    ['msg_signature missing', { timestamp: '1', nonce: 'n' }],
    ['timestamp empty', { msg_signature: 'abc', timestamp: '', nonce: 'n' }],
    ['nonce given twice', { msg_signature: 'abc', timestamp: '1', nonce: ['n', 'm'] }],
    ['a value over 200 characters', { msg_signature: 'a'.repeat(201), timestamp: '1', nonce: 'n' }],
  ])('refuses a query with %s (400)', (_what, query) => {
    expect(refusal(() => signedQuery(query))).toEqual({ code: 'wecom_query_invalid', status: 400 });
  });

  it('names the parameter that is wrong', () => {
    expect(() => signedQuery({ msg_signature: 'abc', timestamp: '1' })).toThrow(/nonce/);
  });
});
