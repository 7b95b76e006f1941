import type { Connection } from 'mongoose';
import { MongoKfContactWayRepository } from './kf-contact-way-repository.js';
import { MongoKfCursorRepository } from './kf-cursor-repository.js';
import { MongoKfCustomerRepository } from './kf-customer-repository.js';
import { MongoHeldNoticeRepository } from './kf-held-notice-repository.js';
import { MongoKfPhotoRepository } from './kf-photo-repository.js';
import type { KfStores } from '../../services/residents/kf-channel-stores.js';

export type { KfStores };

/** Every 微信客服 repository; construct before `buildIndexes` (their models register here). */
export function createKfStores(connection: Connection): KfStores {
  return {
    cursors: new MongoKfCursorRepository(connection),
    customers: new MongoKfCustomerRepository(connection),
    held: new MongoHeldNoticeRepository(connection),
    contactWays: new MongoKfContactWayRepository(connection),
    photos: new MongoKfPhotoRepository(connection),
  };
}
