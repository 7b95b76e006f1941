import type { Model } from 'mongoose';
import type { EventSignupDocument } from './event-model.js';

/** MongoDB's duplicate-key error (a unique index refused the write). */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number }).code === 11000;
}

const seatNumber = (seat: string) => (/^s(\d+)$/.exec(seat) ? Number(seat.slice(1)) : null);

/**
 * Takes a seat for the member. With a capacity, seats are `s1`…`s<capacity>` and a unique index
 * on (event, seat) lets exactly one person hold each, so concurrent sign-ups can never exceed
 * the capacity; the unique index on (event, member) stops anyone signing up twice.
 */
export async function placeSignup(
  signups: Model<EventSignupDocument>,
  signup: { eventId: string; memberId: string; at: Date },
  capacity: number | null,
): Promise<'ok' | 'already' | 'full'> {
  const insert = async (seat: string): Promise<'ok' | 'taken' | 'already'> => {
    try {
      await signups.create({ ...signup, seat });
      return 'ok';
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return (await signups.exists({ eventId: signup.eventId, memberId: { $eq: signup.memberId } })) ? 'already' : 'taken';
    }
  };
  if (capacity === null) {
    const result = await insert(`m:${signup.memberId}`);
    return result === 'ok' ? 'ok' : 'already';
  }
  const taken = await signups.find({ eventId: signup.eventId }, { seat: 1, memberId: 1 }).lean<Array<{ seat: string; memberId: string }>>();
  // Someone already in hears "already", also when every seat is taken.
  if (taken.some((s) => s.memberId === signup.memberId)) return 'already';
  const held = new Set(taken.map((s) => s.seat));
  // Free seats first; a seat taken meanwhile just moves us to the next one.
  for (let k = 1; k <= capacity; k++) {
    if (held.has(`s${k}`)) continue;
    const result = await insert(`s${k}`);
    if (result !== 'taken') return result;
  }
  return 'full';
}

/**
 * After a capacity change, moves sign-ups whose seat is outside `s1`…`s<capacity>` (or, without
 * a capacity, every numbered seat) into a valid one. The caller has checked there is room.
 */
export async function reseat(signups: Model<EventSignupDocument>, eventId: string, capacity: number | null): Promise<void> {
  const all = await signups.find({ eventId }).sort({ at: 1 }).lean<EventSignupDocument[]>();
  // Seats known to be held are skipped, not tried: FerretDB reports a unique index broken by an
  // update as an internal error rather than as a duplicate key.
  const held = new Set(all.map((s) => s.seat));
  for (const signup of all) {
    const k = seatNumber(signup.seat);
    if (capacity === null) {
      if (k !== null) await signups.updateOne({ _id: signup._id }, { $set: { seat: `m:${signup.memberId}` } });
      continue;
    }
    if (k !== null && k <= capacity) continue;
    for (let seat = 1; seat <= capacity; seat++) {
      if (held.has(`s${seat}`)) continue;
      try {
        const moved = await signups.updateOne({ _id: signup._id }, { $set: { seat: `s${seat}` } });
        held.add(`s${seat}`);
        if (moved.matchedCount === 1) break;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
  }
}
