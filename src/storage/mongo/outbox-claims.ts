import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKeyError } from './duplicate-key.js';

interface OutboxClaimDocument {
  /** `<outbox id>:<claim generation>[:<takeover level>]` */
  _id: string;
  at: Date;
}

const claimSchema = new Schema<OutboxClaimDocument>(
  { _id: { type: String, required: true }, at: { type: Date, required: true } },
  { collection: 'outbox_claims', versionKey: false },
);
claimSchema.index({ at: 1 });

/** A claim whose winner never wrote the item back after this long was lost in a crash. */
const MAX_TAKEOVERS = 5;

/**
 * The ledger that makes outbox claims exclusive. Each claim generation of an item may be won by
 * exactly one caller, through an insert on the unique `_id`. A plain `findOneAndUpdate` would be
 * enough on MongoDB, but FerretDB v1 applies it as read-then-write, so several instances could
 * all "win" the same item (see docs/ferretdb-gaps.md); the unique index is atomic on both.
 */
export class OutboxClaimLedger {
  private readonly model: Model<OutboxClaimDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.OutboxClaim as Model<OutboxClaimDocument> | undefined) ??
      connection.model<OutboxClaimDocument>('OutboxClaim', claimSchema);
  }

  /**
   * 'won' when this caller won generation `generation` of `itemId`. A generation whose winner
   * crashed before updating the item (its entry older than `staleAfterMs`) can be taken over:
   * 'took-over' then tells the caller to check that the item is still at that generation.
   * Null when someone else has it.
   */
  async take(itemId: string, generation: number, now: Date, staleAfterMs: number): Promise<'won' | 'took-over' | null> {
    for (let level = 0; level <= MAX_TAKEOVERS; level += 1) {
      const id = level === 0 ? `${itemId}:${generation}` : `${itemId}:${generation}:${level}`;
      try {
        await this.model.create({ _id: id, at: now });
        return level === 0 ? 'won' : 'took-over';
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const existing = await this.model.findById(id).lean<OutboxClaimDocument>();
      if (existing && existing.at.getTime() > now.getTime() - staleAfterMs) return null;
    }
    return null;
  }

  /** Forgets claims older than `before`; items move to a new generation on every claim. */
  async prune(before: Date): Promise<number> {
    const result = await this.model.deleteMany({ at: { $lt: before } });
    return result.deletedCount;
  }
}
