import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { isObjectId } from './object-id.js';
import {
  PROGRAMME_STATES,
  type NewProgramme,
  type ProgrammeChanges,
  type ProgrammeRecord,
  type ProgrammeRepository,
  type ProgrammeState,
} from '../../services/events/event-records.js';

interface ProgrammeDocument {
  _id: Types.ObjectId;
  title: string;
  /** Absent on documents stored before programmes had a state: active. */
  state?: ProgrammeState;
  startDate: string;
  endDate: string;
  description?: string;
  createdAt: Date;
  updatedAt: Date;
}

const programmeSchema = new Schema<ProgrammeDocument>(
  {
    title: { type: String, required: true, trim: true },
    state: { type: String, enum: PROGRAMME_STATES, default: 'active' },
    startDate: { type: String, required: true },
    endDate: { type: String, required: true },
    description: { type: String, trim: true },
  },
  { timestamps: true, collection: 'programmes', versionKey: false },
);
programmeSchema.index({ startDate: 1 });

function programmeModel(connection: Connection): Model<ProgrammeDocument> {
  return (
    (connection.models.Programme as Model<ProgrammeDocument> | undefined) ??
    connection.model<ProgrammeDocument>('Programme', programmeSchema)
  );
}

function toRecord(doc: ProgrammeDocument): ProgrammeRecord {
  return {
    id: doc._id.toHexString(),
    title: doc.title,
    state: doc.state ?? 'active',
    startDate: doc.startDate,
    endDate: doc.endDate,
    ...(doc.description ? { description: doc.description } : {}),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export class MongoProgrammeRepository implements ProgrammeRepository {
  private readonly model: Model<ProgrammeDocument>;

  constructor(connection: Connection) {
    this.model = programmeModel(connection);
  }

  async create(programme: NewProgramme): Promise<ProgrammeRecord> {
    const doc = await this.model.create(programme);
    return toRecord(doc.toObject());
  }

  async findById(id: string): Promise<ProgrammeRecord | null> {
    if (!isObjectId(id)) return null;
    const doc = await this.model.findById(id).lean<ProgrammeDocument>();
    return doc ? toRecord(doc) : null;
  }

  async list(): Promise<ProgrammeRecord[]> {
    const docs = await this.model.find({}).sort({ startDate: 1 }).lean<ProgrammeDocument[]>();
    return docs.map(toRecord);
  }

  async findCovering(date: string): Promise<ProgrammeRecord[]> {
    const docs = await this.model
      .find({ startDate: { $lte: date }, endDate: { $gte: date } })
      .sort({ startDate: -1 })
      .lean<ProgrammeDocument[]>();
    return docs.map(toRecord);
  }

  async update(id: string, changes: ProgrammeChanges): Promise<ProgrammeRecord | null> {
    if (!isObjectId(id)) return null;
    const { description, ...rest } = changes;
    const update: Record<string, unknown> = { $set: rest };
    if (description === null) update.$unset = { description: '' };
    else if (description !== undefined) (update.$set as Record<string, unknown>).description = description;
    const doc = await this.model.findByIdAndUpdate(id, update, { new: true }).lean<ProgrammeDocument>();
    return doc ? toRecord(doc) : null;
  }
}
