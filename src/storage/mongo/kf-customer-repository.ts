import { Schema, type Connection, type Model } from 'mongoose';
import type { KfCustomer, KfCustomerStore } from '../../services/residents/kf-channel-stores.js';
import { isDuplicateKeyError } from './duplicate-key.js';

interface KfCustomerDocument {
  /** `<open_kfid>:<external_userid>`. */
  _id: string;
  openKfId: string;
  externalUserId: string;
  /** send_time of the customer's newest message. */
  lastCustomerAt?: Date;
  /** Messages Yishi sent since then (WeCom allows 5 within 48 h). */
  sentSince: number;
  /** The QR scene of the customer's latest enter_session (a community code). */
  scene?: string;
  sceneAt?: Date;
}

const kfCustomerSchema = new Schema<KfCustomerDocument>(
  {
    _id: { type: String, required: true },
    openKfId: { type: String, required: true },
    externalUserId: { type: String, required: true },
    lastCustomerAt: Date,
    sentSince: { type: Number, default: 0 },
    scene: String,
    sceneAt: Date,
  },
  { collection: 'kf_customers', versionKey: false },
);

const idOf = (customer: KfCustomer) => `${customer.openKfId}:${customer.externalUserId}`;

/**
 * Per 微信客服 customer: the send allowance (last customer message, sends since) and the QR scene
 * they came from (collection `kf_customers`). Every change is one conditional atomic update.
 *
 * @example
 * await customers.customerWrote({ openKfId, externalUserId }, sendTime);
 * const mayGo = await customers.takeSlot({ openKfId, externalUserId }, since, 5);
 */
export class MongoKfCustomerRepository implements KfCustomerStore {
  private readonly model: Model<KfCustomerDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.KfCustomer as Model<KfCustomerDocument> | undefined) ??
      connection.model<KfCustomerDocument>('KfCustomer', kfCustomerSchema);
  }

  async customerWrote(customer: KfCustomer, at: Date): Promise<void> {
    try {
      await this.model.updateOne(
        { _id: idOf(customer), $or: [{ lastCustomerAt: { $lte: at } }, { lastCustomerAt: null }] },
        { $set: { lastCustomerAt: at, sentSince: 0, openKfId: customer.openKfId, externalUserId: customer.externalUserId } },
        { upsert: true },
      );
    } catch (error) {
      // The record exists with a newer message: nothing to change.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async takeSlot(customer: KfCustomer, since: Date, max: number): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: idOf(customer), lastCustomerAt: { $gt: since }, sentSince: { $lt: max } },
      { $inc: { sentSince: 1 } },
    );
    return result.modifiedCount === 1;
  }

  async giveBackSlot(customer: KfCustomer): Promise<void> {
    await this.model.updateOne({ _id: idOf(customer), sentSince: { $gt: 0 } }, { $inc: { sentSince: -1 } });
  }

  async exhaust(customer: KfCustomer, max: number): Promise<void> {
    await this.model.updateOne({ _id: idOf(customer) }, { $set: { sentSince: max } });
  }

  async setScene(customer: KfCustomer, scene: string, at: Date): Promise<void> {
    await this.model.updateOne(
      { _id: idOf(customer) },
      {
        $set: { scene, sceneAt: at, openKfId: customer.openKfId, externalUserId: customer.externalUserId },
        $setOnInsert: { sentSince: 0 },
      },
      { upsert: true },
    );
  }

  async sceneOf(customer: KfCustomer): Promise<string | undefined> {
    const doc = await this.model.findById(idOf(customer)).lean<KfCustomerDocument>();
    return doc?.scene;
  }

  async forget(customer: KfCustomer): Promise<boolean> {
    return (await this.model.deleteOne({ _id: idOf(customer) })).deletedCount === 1;
  }
}
