import { Schema, type Connection, type Model } from 'mongoose';
import { sessionEnd, type SessionStore, type WorkbenchSession } from '../../services/workbench/session-records.js';

interface SessionDocument extends Omit<WorkbenchSession, 'idHash'> {
  _id: string;
  /** The earlier of the two expiries; the TTL index's field on MongoDB. */
  expiresAt: Date;
}

const sessionSchema = new Schema<SessionDocument>(
  {
    _id: String,
    memberId: { type: String, required: true, index: true },
    csrfToken: { type: String, required: true },
    via: { type: String, required: true },
    createdAt: { type: Date, required: true },
    idleUntil: { type: Date, required: true },
    absoluteUntil: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'workbench_sessions', versionKey: false },
);

const toSession = ({ _id, expiresAt: _expiresAt, ...rest }: SessionDocument): WorkbenchSession => ({ idHash: _id, ...rest });

/**
 * Workbench sessions in MongoDB (single-instance mode). FerretDB has no TTL index
 * (docs/ferretdb-gaps.md), so expiry is checked on every read and expired sessions are deleted
 * here whenever one is saved; the `expiresAt` field is what a TTL index would use on MongoDB.
 */
export class MongoSessionRepository implements SessionStore {
  private readonly model: Model<SessionDocument>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.WorkbenchSession as Model<SessionDocument> | undefined) ??
      connection.model<SessionDocument>('WorkbenchSession', sessionSchema);
  }

  async save(session: WorkbenchSession): Promise<void> {
    const { idHash, ...rest } = session;
    await this.model.deleteMany({ expiresAt: { $lte: session.createdAt } });
    await this.model.create({ _id: idHash, ...rest, expiresAt: sessionEnd(session) });
  }

  async find(idHash: string, now: Date): Promise<WorkbenchSession | null> {
    const doc = await this.model.findById(idHash).lean<SessionDocument>();
    if (!doc) return null;
    return doc.expiresAt > now ? toSession(doc) : null;
  }

  async touch(idHash: string, idleUntil: Date, _now: Date): Promise<void> {
    const doc = await this.model.findById(idHash).lean<SessionDocument>();
    if (!doc) return;
    await this.model.updateOne(
      { _id: idHash },
      { $set: { idleUntil, expiresAt: sessionEnd({ idleUntil, absoluteUntil: doc.absoluteUntil }) } },
    );
  }

  async remove(idHash: string): Promise<void> {
    await this.model.deleteOne({ _id: idHash });
  }

  async removeForMember(memberId: string): Promise<number> {
    return (await this.model.deleteMany({ memberId: { $eq: memberId } })).deletedCount;
  }
}
