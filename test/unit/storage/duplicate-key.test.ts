import { describe, expect, it } from 'vitest';
import { DuplicateRecordError } from '../../../src/core/errors.js';
import { answerForYishiError } from '../../../src/http/error-body.js';
import { messagesFor } from '../../../src/i18n/messages.js';
import { asDuplicateRecord, duplicateFieldOf, isDuplicateKeyError, refusingDuplicates } from '../../../src/storage/mongo/duplicate-key.js';

/** The shapes each store's driver error has (copied from what MongoDB and FerretDB v1.24 answer). */
const driverError = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields.message ?? '')), fields);

const MONGODB_INSERT = driverError({
  code: 11000,
  message: 'E11000 duplicate key error collection: yishi.members index: wecomUserId_1 dup key: { wecomUserId: "wangwu" }',
  keyPattern: { wecomUserId: 1 },
  keyValue: { wecomUserId: 'wangwu' },
});
const MONGODB_TEXT_ONLY = driverError({
  code: 11000,
  message: 'E11000 duplicate key error collection: yishi.signups index: eventId_1_seat_1 dup key: { : "e1", : "s3" }',
});
const FERRETDB_INSERT = driverError({ code: 11000, message: 'E11000 duplicate key error collection: yishi.members' });
const FERRETDB_UPDATE = driverError({
  code: 1,
  codeName: 'InternalError',
  message:
    "[msg_findandmodify.go:196 handler.(*Handler).findAndModifyDocument] [update.go:114 common.UpdateDocument] constraint failed: UNIQUE constraint failed: index 'members_5e4e6e94_wecomUserId_1' (2067)",
});
const FERRETDB_POSTGRES = driverError({
  code: 1,
  message: 'ERROR: duplicate key value violates unique constraint "categories_0a1b2c3d_name_1" (SQLSTATE 23505)',
});
const BULK = driverError({ code: 11000, message: 'E11000 duplicate key error collection: yishi.members', writeErrors: [{ code: 11000 }] });
const OTHER_INTERNAL = driverError({ code: 1, codeName: 'InternalError', message: 'disk I/O error' });

describe('duplicate-key errors of every store', () => {
  it('are recognised: MongoDB and FerretDB inserts (11000), FerretDB updates (code 1), bulk writes', () => {
    for (const error of [MONGODB_INSERT, MONGODB_TEXT_ONLY, FERRETDB_INSERT, FERRETDB_UPDATE, FERRETDB_POSTGRES, BULK]) {
      expect(isDuplicateKeyError(error)).toBe(true);
    }
    expect(isDuplicateKeyError(new DuplicateRecordError('members', 'name'))).toBe(true);
  });

  it('are told apart from other errors, including other internal errors and non-errors', () => {
    for (const error of [
      OTHER_INTERNAL,
      new Error('E11000 in a sentence'),
      driverError({ code: '11000' }),
      null,
      undefined,
      'E11000',
      11000,
    ]) {
      expect(isDuplicateKeyError(error)).toBe(false);
    }
  });

  it('name the field when the store says which', () => {
    expect(duplicateFieldOf(MONGODB_INSERT)).toBe('wecomUserId');
    expect(duplicateFieldOf(MONGODB_TEXT_ONLY)).toBe('eventId, seat');
    expect(duplicateFieldOf(FERRETDB_UPDATE)).toBe('wecomUserId');
    expect(duplicateFieldOf(FERRETDB_INSERT)).toBeUndefined();
  });

  it('become one DuplicateRecordError (409, with the store error as its cause); other errors pass unchanged', async () => {
    const translated = asDuplicateRecord(FERRETDB_UPDATE, 'members');
    expect(translated).toBeInstanceOf(DuplicateRecordError);
    expect(translated).toMatchObject({ code: 'duplicate_record', status: 409, collection: 'members', field: 'wecomUserId' });
    expect((translated as Error).cause).toBe(FERRETDB_UPDATE);
    expect(asDuplicateRecord(OTHER_INTERNAL, 'members')).toBe(OTHER_INTERNAL);
    const already = new DuplicateRecordError('members', undefined);
    expect(asDuplicateRecord(already, 'members')).toBe(already);

    await expect(refusingDuplicates('members', () => Promise.reject(BULK))).rejects.toBeInstanceOf(DuplicateRecordError);
    await expect(refusingDuplicates('members', () => Promise.reject(OTHER_INTERNAL))).rejects.toBe(OTHER_INTERNAL);
    await expect(refusingDuplicates('members', () => Promise.resolve(7))).resolves.toBe(7);
  });
});

describe('a duplicate with no more specific answer, as the admin API says it', () => {
  it('is 409 with a sentence naming the field, Chinese by default and English when configured', () => {
    const error = asDuplicateRecord(FERRETDB_UPDATE, 'members');
    expect(answerForYishiError(error, messagesFor('zh-CN').http)).toEqual({
      status: 409,
      code: 'duplicate_record',
      message: '已有记录使用了同样的“wecomUserId”，请换一个再试。',
    });
    expect(answerForYishiError(new DuplicateRecordError('members', undefined), messagesFor('en').http)?.message).toBe(
      'Another record already has this value, which must be unique; use another.',
    );
  });
});
