import type { ResidentChannelEraser } from '../../services/privacy/person-erasure.js';
import type { KfStores } from '../../services/residents/kf-channel-stores.js';

/**
 * What the 微信客服 channel keeps about a resident beyond the resident record, erased with them:
 * the customer's send allowance and QR scene, the notices held for them, and the photos they sent.
 *
 * @example
 * const erasure = new PersonErasure({ …, channels: [kfResidentEraser(repos.kf)] });
 */
export function kfResidentEraser(stores: Pick<KfStores, 'customers' | 'held' | 'photos'>): ResidentChannelEraser {
  return {
    async erase(resident) {
      const erased: string[] = [];
      const photos = await stores.photos.eraseForResident(resident.id);
      if (photos > 0) erased.push(`kf.photos (${photos})`);
      const address = resident.address;
      if (address?.platform !== 'wecom-kf') return erased;
      const customer = { openKfId: address.openKfId, externalUserId: address.externalUserId };
      if (await stores.customers.forget(customer)) erased.push('kf.customer');
      const notices = await stores.held.forgetCustomer(customer);
      if (notices > 0) erased.push(`kf.heldNotices (${notices})`);
      return erased;
    },
  };
}
