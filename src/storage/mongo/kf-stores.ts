import type { Connection } from 'mongoose';
import { MongoKfContactWayRepository } from './kf-contact-way-repository.js';
import { MongoKfCursorRepository } from './kf-cursor-repository.js';
import { MongoKfCustomerRepository } from './kf-customer-repository.js';
import { MongoHeldNoticeRepository } from './kf-held-notice-repository.js';
import { MongoKfPhotoRepository } from './kf-photo-repository.js';

/** Every 微信客服 repository; construct before `buildIndexes` (their models register here). */
export interface KfStores {
  cursors: MongoKfCursorRepository;
  customers: MongoKfCustomerRepository;
  held: MongoHeldNoticeRepository;
  contactWays: MongoKfContactWayRepository;
  photos: MongoKfPhotoRepository;
}

export function createKfStores(connection: Connection): KfStores {
  return {
    cursors: new MongoKfCursorRepository(connection),
    customers: new MongoKfCustomerRepository(connection),
    held: new MongoHeldNoticeRepository(connection),
    contactWays: new MongoKfContactWayRepository(connection),
    photos: new MongoKfPhotoRepository(connection),
  };
}
