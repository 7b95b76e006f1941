import { randomBytes, timingSafeEqual } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import { YishiError } from '../../core/errors.js';

/** Base64 as WeCom sends it: whole 4-character groups only (Node's decoder would skip junk silently). */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The query WeCom signs every callback with. */
export interface SignedQuery {
  signature: string;
  timestamp: string;
  nonce: string;
}

/** A sealed answer: what goes into the passive reply envelope. */
export interface Sealed {
  encrypt: string;
  signature: string;
  timestamp: string;
  nonce: string;
}

/**
 * WXBizMsgCrypt for one callback (the app: receive-id = CorpID; the smart robot: receive-id "").
 * `@wecom/crypto` does the AES and SHA-1; the signature compare (timing-safe) and the
 * receive-id check are ours, as the library does neither.
 */
export class WecomCipher {
  constructor(
    private readonly token: string,
    private readonly encodingAesKey: string,
    private readonly receiveId: string,
  ) {}

  /** Checks msg_signature over (token, timestamp, nonce, encrypt), then decrypts; returns the plaintext. */
  open(query: SignedQuery, encrypted: string): string {
    this.assertSigned(query, encrypted);
    let opened: { message: string; id: string; random: Buffer };
    try {
      if (!BASE64.test(encrypted)) throw new Error('not Base64');
      opened = decrypt(this.encodingAesKey, encrypted);
    } catch (error) {
      throw new YishiError('wecom_decrypt_failed', {
        status: 400,
        detail: `ciphertext could not be decrypted: ${(error as Error).message}`,
        cause: error,
      });
    }
    if (opened.id !== this.receiveId) {
      throw new YishiError('wecom_receive_id_mismatch', { status: 401, detail: 'the receive-id inside the ciphertext is not ours' });
    }
    // The library accepts a bad pad and decodes invalid UTF-8 lossily; sealing the result again
    // with the same random bytes must give back the exact ciphertext, or the plaintext was not genuine.
    if (encrypt(this.encodingAesKey, opened.message, opened.id, opened.random) !== encrypted) {
      throw new YishiError('wecom_decrypt_failed', { status: 400, detail: 'the plaintext is not well-formed (padding, length or UTF-8)' });
    }
    return opened.message;
  }

  /** Encrypts and signs an answer; timestamp and nonce are fresh unless given. */
  seal(plaintext: string, timestamp: string, nonce = randomBytes(8).toString('hex')): Sealed {
    const sealed = encrypt(this.encodingAesKey, plaintext, this.receiveId);
    return { encrypt: sealed, signature: getSignature(this.token, timestamp, nonce, sealed), timestamp, nonce };
  }

  private assertSigned(query: SignedQuery, encrypted: string): void {
    const expected = Buffer.from(getSignature(this.token, query.timestamp, query.nonce, encrypted), 'utf8');
    const given = Buffer.from(query.signature.toLowerCase(), 'utf8');
    // Equal to the lowercase hex we computed means well-formed too; the length check is what
    // timingSafeEqual needs.
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new YishiError('wecom_signature_invalid', { status: 401, detail: 'msg_signature does not match' });
    }
  }
}

/** Reads msg_signature, timestamp and nonce from a callback's query; missing ones → 400. */
export function signedQuery(query: Record<string, string | string[] | undefined>): SignedQuery {
  const one = (name: string) => {
    const value = query[name];
    if (typeof value !== 'string' || value === '' || value.length > 200)
      throw new YishiError('wecom_query_invalid', { status: 400, detail: `query parameter ${name} is missing or malformed` });
    return value;
  };
  return { signature: one('msg_signature'), timestamp: one('timestamp'), nonce: one('nonce') };
}
