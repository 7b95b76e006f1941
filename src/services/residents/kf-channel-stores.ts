// What the residents' WeCom customer-service channel (微信客服) must remember between messages and
// instances (send windows, held notices, sync cursors, photos, QR-code links): the platform's
// sender and sync and the residents' services use these, src/storage/mongo implements them.

import type { ResidentNoticeKind } from '../../platforms/types.js';

/** One customer of one kf account. */
export interface KfCustomer {
  openKfId: string;
  externalUserId: string;
}

/**
 * The send allowance per customer (open_kfid + external_userid), shared by every instance.
 *
 * @example
 * await windows.customerWrote(customer, sendTime);
 * if (await windows.takeSlot(customer, now, cutoff)) await send();
 */
export interface KfWindowStore {
  /**
   * A new customer message sent at `at` (call once per msgid): unless an even newer one is known,
   * the allowance starts over.
   */
  customerWrote(customer: KfCustomer, at: Date): Promise<void>;
  /** Takes one send atomically when the customer wrote after `since` and fewer than `max` went out since. */
  takeSlot(customer: KfCustomer, since: Date, max: number): Promise<boolean>;
  /** Returns a slot WeCom did not use (it refused the send). */
  giveBackSlot(customer: KfCustomer): Promise<void>;
  /** WeCom said the allowance is used up (95001): no more sends until the customer writes. */
  exhaust(customer: KfCustomer, max: number): Promise<void>;
}

export interface HeldNotice extends KfCustomer {
  id: string;
  text: string;
  key: string;
  heldAt: Date;
  reason: string;
  /** What it is (src/services/residents/notice-priority.ts); unset on notices held before kinds existed. */
  kind?: ResidentNoticeKind;
}

/**
 * Notices WeCom's rule does not let out now; they go when the customer writes again.
 *
 * @example
 * await held.hold({ openKfId, externalUserId, text, key: 'opinion:…', heldAt: now, reason: 'window' });
 */
export interface HeldNoticeStore {
  /** Keeps a notice; holding the same key twice keeps one. */
  hold(notice: Omit<HeldNotice, 'id'>): Promise<void>;
  /** The customer's held notices, oldest first. */
  listHeld(customer: KfCustomer): Promise<HeldNotice[]>;
  markSent(ids: string[], at: Date): Promise<void>;
  /** Deletes every notice kept for the customer, held or sent (erasure); how many there were. */
  forgetCustomer(customer: KfCustomer): Promise<number>;
}

/**
 * Where `kf/sync_msg` stopped, per open_kfid.
 *
 * @example
 * const cursor = await cursors.get('wkAbc');
 * await cursors.set('wkAbc', page.nextCursor, now);
 */
export interface KfCursorStore {
  get(openKfId: string): Promise<string | undefined>;
  set(openKfId: string, cursor: string, at: Date): Promise<void>;
}

/** A photo a resident sent with an opinion: WeCom's media id (downloadable for 3 days). */
export interface KfPhoto {
  opinionNumber: string;
  residentId: string;
  mediaId: string;
  receivedAt: Date;
}

/**
 * A stored photo as staff see it. 'kept': its bytes are ours; 'waiting': not downloaded yet;
 * 'lost': WeCom no longer has it (`lastError` says why).
 */
export interface KfPhotoInfo extends KfPhoto {
  id: string;
  state: 'kept' | 'waiting' | 'lost';
  contentType?: string;
  size?: number;
  keptAt?: Date;
  attempts: number;
  lastError?: string;
}

/** A customer-service link made by kf/add_contact_way for one scene (a community's QR code). */
export interface KfContactWay {
  openKfId: string;
  scene: string;
  url: string;
  createdAt: Date;
}

/** Each customer's send allowance and the QR scene they came from. */
export interface KfCustomerStore extends KfWindowStore {
  /** Remembers the scene of the customer's latest enter_session. */
  setScene(customer: KfCustomer, scene: string, at: Date): Promise<void>;
  sceneOf(customer: KfCustomer): Promise<string | undefined>;
  /** Forgets the customer (erasure): their allowance and scene. True when something was kept. */
  forget(customer: KfCustomer): Promise<boolean>;
}

/** Held notices, and which of them the staff group has heard about. */
export interface HeldNoticeRepository extends HeldNoticeStore {
  /** Held notices held at or before `cutoff` that the staff group has not heard about yet, oldest first. */
  listUnreported(cutoff: Date, limit?: number): Promise<HeldNotice[]>;
  markReported(id: string, at: Date): Promise<void>;
}

/** The links made so far, one per account and scene, so a printed QR code stays the same code. */
export interface KfContactWayStore {
  find(openKfId: string, scene: string): Promise<KfContactWay | null>;
  /** Saves the link, replacing the one for the same account and scene. */
  save(way: KfContactWay): Promise<void>;
}

/** Residents' photos per opinion, and their bytes once downloaded. */
export interface KfPhotoStore {
  add(photos: KfPhoto[]): Promise<void>;
  /** An opinion's photos in the order they came, without their bytes. */
  listFor(opinionNumber: string): Promise<KfPhotoInfo[]>;
  /** Photos received since `since`, neither kept nor lost: the least tried first, then the oldest. */
  listWaiting(since: Date, limit: number): Promise<KfPhotoInfo[]>;
  keep(id: string, file: { bytes: Buffer; contentType: string }, at: Date): Promise<void>;
  /** A failed download; `lost` when there is no point trying again. */
  noteFailure(id: string, reason: string, lost: boolean): Promise<void>;
  /** The bytes of a kept photo; null when it is not (or no longer) ours. */
  file(id: string): Promise<{ bytes: Buffer; contentType: string } | null>;
  /** Deletes every photo the resident sent, with its bytes (erasure); how many there were. */
  eraseForResident(residentId: string): Promise<number>;
}

/**
 * Everything the 微信客服 channel remembers (implemented in src/storage/mongo/kf-stores.ts and
 * src/storage/memory/memory-kf-stores.ts).
 */
export interface KfStores {
  cursors: KfCursorStore;
  customers: KfCustomerStore;
  held: HeldNoticeRepository;
  contactWays: KfContactWayStore;
  photos: KfPhotoStore;
}
