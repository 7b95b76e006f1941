import { BSON } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { commandOf } from '../../../src/devtools/write-serializing-proxy.js';

/** An OP_MSG request as the driver frames it: header, flag bits, one kind-0 section with the body. */
function opMsg(body: Record<string, unknown>): Buffer {
  const document = Buffer.from(BSON.serialize(body));
  const message = Buffer.alloc(16 + 4 + 1 + document.length);
  message.writeInt32LE(message.length, 0);
  message.writeInt32LE(7, 4);
  message.writeInt32LE(0, 8);
  message.writeInt32LE(2013, 12);
  message.writeUInt32LE(0, 16);
  message[20] = 0;
  document.copy(message, 21);
  return message;
}

describe('the write-serialising proxy reads which command, collection and database a request is for', () => {
  it('finds $db after the command name and whatever the body holds before it', () => {
    const body = {
      update: 'opinions',
      updates: [{ q: { _id: new BSON.ObjectId(), n: { $lt: 3 }, at: new Date(), re: /x\0?/i }, u: { $inc: { n: 1.5 } } }],
      ordered: true,
      lsid: { id: new BSON.Binary(Buffer.alloc(16), 4) },
      txnNumber: BSON.Long.fromNumber(3),
      $db: 't_three_instances_ab12cd34',
    };
    expect(commandOf(opMsg(body))).toEqual({ name: 'update', collection: 'opinions', database: 't_three_instances_ab12cd34' });
  });

  it('names a command whose value is not a string, and leaves out what it cannot find', () => {
    expect(commandOf(opMsg({ ping: 1, $db: 'admin' }))).toEqual({ name: 'ping', collection: undefined, database: 'admin' });
    expect(commandOf(opMsg({ insert: 'outbox' }))).toEqual({ name: 'insert', collection: 'outbox', database: undefined });
    expect(commandOf(Buffer.alloc(30))).toBeUndefined();
  });
});
