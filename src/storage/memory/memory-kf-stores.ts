import type {
  HeldNotice,
  HeldNoticeRepository,
  KfContactWay,
  KfContactWayStore,
  KfCursorStore,
  KfCustomer,
  KfCustomerStore,
  KfPhoto,
  KfPhotoInfo,
  KfPhotoStore,
  KfStores,
} from '../../services/residents/kf-channel-stores.js';
import { copyOf, isRecordId, newRecordId } from './memory-records.js';

const customerKey = (customer: KfCustomer) => `${customer.openKfId}:${customer.externalUserId}`;

/** `kf/sync_msg`'s next cursor per open_kfid, held in this process. */
export class MemoryKfCursorStore implements KfCursorStore {
  private readonly cursors = new Map<string, string>();

  async get(openKfId: string): Promise<string | undefined> {
    return this.cursors.get(openKfId);
  }

  async set(openKfId: string, cursor: string): Promise<void> {
    this.cursors.set(openKfId, cursor);
  }
}

interface CustomerState {
  lastCustomerAt?: Date;
  sentSince: number;
  scene?: string;
}

/** Per customer: the send allowance and the QR scene, held in this process; same contract as the Mongo store. */
export class MemoryKfCustomerStore implements KfCustomerStore {
  private readonly customers = new Map<string, CustomerState>();

  async customerWrote(customer: KfCustomer, at: Date): Promise<void> {
    const known = this.customers.get(customerKey(customer));
    if (known?.lastCustomerAt && known.lastCustomerAt > at) return; // an even newer message is known
    this.customers.set(customerKey(customer), { ...known, lastCustomerAt: at, sentSince: 0 });
  }

  async takeSlot(customer: KfCustomer, since: Date, max: number): Promise<boolean> {
    const known = this.customers.get(customerKey(customer));
    if (!known?.lastCustomerAt || known.lastCustomerAt <= since || known.sentSince >= max) return false;
    known.sentSince += 1;
    return true;
  }

  async giveBackSlot(customer: KfCustomer): Promise<void> {
    const known = this.customers.get(customerKey(customer));
    if (known && known.sentSince > 0) known.sentSince -= 1;
  }

  async exhaust(customer: KfCustomer, max: number): Promise<void> {
    const known = this.customers.get(customerKey(customer));
    if (known) known.sentSince = max;
  }

  async setScene(customer: KfCustomer, scene: string): Promise<void> {
    const known = this.customers.get(customerKey(customer)) ?? { sentSince: 0 };
    this.customers.set(customerKey(customer), { ...known, scene });
  }

  async sceneOf(customer: KfCustomer): Promise<string | undefined> {
    return this.customers.get(customerKey(customer))?.scene;
  }

  async forget(customer: KfCustomer): Promise<boolean> {
    return this.customers.delete(customerKey(customer));
  }
}

type StoredNotice = HeldNotice & { state: 'held' | 'sent'; reportedAt?: Date };

const toNotice = ({ state: _state, reportedAt: _reportedAt, ...notice }: StoredNotice): HeldNotice => copyOf(notice);
const byHeldAt = (a: StoredNotice, b: StoredNotice) => a.heldAt.getTime() - b.heldAt.getTime();

/** Notices WeCom's 48 h / 5 messages rule held back, held in this process; one per key. */
export class MemoryHeldNoticeRepository implements HeldNoticeRepository {
  private readonly notices: StoredNotice[] = [];

  async hold(notice: Omit<HeldNotice, 'id'>): Promise<void> {
    if (this.notices.some((n) => n.key === notice.key)) return;
    this.notices.push({ ...copyOf(notice), id: newRecordId(), state: 'held' });
  }

  async listHeld(customer: KfCustomer): Promise<HeldNotice[]> {
    return this.notices
      .filter((n) => n.state === 'held' && customerKey(n) === customerKey(customer))
      .sort(byHeldAt)
      .map(toNotice);
  }

  async markSent(ids: string[]): Promise<void> {
    for (const notice of this.notices) if (ids.includes(notice.id) && notice.state === 'held') notice.state = 'sent';
  }

  async forgetCustomer(customer: KfCustomer): Promise<number> {
    const before = this.notices.length;
    const kept = this.notices.filter((n) => customerKey(n) !== customerKey(customer));
    this.notices.splice(0, this.notices.length, ...kept);
    return before - kept.length;
  }

  async listUnreported(cutoff: Date, limit = 200): Promise<HeldNotice[]> {
    return this.notices
      .filter((n) => n.state === 'held' && n.heldAt <= cutoff && !n.reportedAt)
      .sort(byHeldAt)
      .slice(0, limit)
      .map(toNotice);
  }

  async markReported(id: string, at: Date): Promise<void> {
    const notice = this.notices.find((n) => n.id === id);
    if (notice) notice.reportedAt = at;
  }
}

/** The customer-service links made so far, one per account and scene, held in this process. */
export class MemoryKfContactWayStore implements KfContactWayStore {
  private readonly ways = new Map<string, KfContactWay>();

  async find(openKfId: string, scene: string): Promise<KfContactWay | null> {
    const way = this.ways.get(`${openKfId}:${scene}`);
    return way ? copyOf(way) : null;
  }

  async save(way: KfContactWay): Promise<void> {
    this.ways.set(`${way.openKfId}:${way.scene}`, copyOf(way));
  }
}

type StoredPhoto = KfPhoto & {
  id: string;
  bytes?: Buffer;
  contentType?: string;
  keptAt?: Date;
  attempts: number;
  lastError?: string;
  lost?: boolean;
};

function toInfo(photo: StoredPhoto): KfPhotoInfo {
  return {
    id: photo.id,
    opinionNumber: photo.opinionNumber,
    residentId: photo.residentId,
    mediaId: photo.mediaId,
    receivedAt: new Date(photo.receivedAt),
    state: photo.keptAt ? 'kept' : photo.lost ? 'lost' : 'waiting',
    ...(photo.contentType ? { contentType: photo.contentType } : {}),
    ...(photo.bytes ? { size: photo.bytes.length } : {}),
    ...(photo.keptAt ? { keptAt: new Date(photo.keptAt) } : {}),
    attempts: photo.attempts,
    ...(photo.lastError ? { lastError: photo.lastError } : {}),
  };
}

/** Residents' photos per opinion and their bytes, held in this process; same contract as the Mongo store. */
export class MemoryKfPhotoStore implements KfPhotoStore {
  private readonly photos: StoredPhoto[] = [];

  async add(photos: KfPhoto[]): Promise<void> {
    for (const photo of photos) this.photos.push({ ...copyOf(photo), id: newRecordId(), attempts: 0 });
  }

  async listFor(opinionNumber: string): Promise<KfPhotoInfo[]> {
    return this.photos
      .filter((p) => p.opinionNumber === opinionNumber)
      .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())
      .map(toInfo);
  }

  async listWaiting(since: Date, limit: number): Promise<KfPhotoInfo[]> {
    return this.photos
      .filter((p) => p.receivedAt >= since && !p.keptAt && !p.lost)
      .sort((a, b) => a.attempts - b.attempts || a.receivedAt.getTime() - b.receivedAt.getTime())
      .slice(0, limit)
      .map(toInfo);
  }

  async keep(id: string, file: { bytes: Buffer; contentType: string }, at: Date): Promise<void> {
    const photo = this.find(id);
    if (!photo) return;
    Object.assign(photo, { bytes: Buffer.from(file.bytes), contentType: file.contentType, keptAt: at });
    delete photo.lastError;
  }

  async noteFailure(id: string, reason: string, lost: boolean): Promise<void> {
    const photo = this.find(id);
    if (!photo) return;
    Object.assign(photo, { lastError: reason, attempts: photo.attempts + 1 }, lost ? { lost: true } : {});
  }

  async file(id: string): Promise<{ bytes: Buffer; contentType: string } | null> {
    const photo = this.find(id);
    return photo?.bytes ? { bytes: Buffer.from(photo.bytes), contentType: photo.contentType ?? 'application/octet-stream' } : null;
  }

  async eraseForResident(residentId: string): Promise<number> {
    const before = this.photos.length;
    const kept = this.photos.filter((p) => p.residentId !== residentId);
    this.photos.splice(0, this.photos.length, ...kept);
    return before - kept.length;
  }

  private find(id: string): StoredPhoto | undefined {
    return isRecordId(id) ? this.photos.find((p) => p.id === id) : undefined;
  }
}

/** Every 微信客服 store, held in this process. */
export function createMemoryKfStores(): KfStores {
  return {
    cursors: new MemoryKfCursorStore(),
    customers: new MemoryKfCustomerStore(),
    held: new MemoryHeldNoticeRepository(),
    contactWays: new MemoryKfContactWayStore(),
    photos: new MemoryKfPhotoStore(),
  };
}
