import type { Clock } from '../../core/clock.js';
import type { Coordination } from '../../core/coordination.js';
import type { Choice } from '../../core/dialogue.js';
import type { KfCustomer } from './kf-channel-stores.js';

type Step = 'what' | 'where' | 'photo' | 'phone' | 'confirm' | 'similar';

/** Where a resident's filing stands (coordination state, per customer). */
export interface Draft {
  step: Step;
  content?: string;
  /** The community's name; undefined while unknown or when the resident is not sure. */
  community?: string;
  communityLabel?: string;
  choices?: Choice[];
  photos: string[];
  phone?: string;
  name?: string;
  similarNumber?: string;
  /** Epoch ms by the injected clock. */
  expiresAt: number;
}

/** A filing waits this long for the next answer; the state lives on a while after to say it expired. */
const IDLE_MS = 2 * 60 * 60_000;
const GRACE_MS = 60 * 60_000;

/**
 * Each resident's filing in progress, shared by every instance (coordination state, per customer
 * of the customer-service account): open for {@link IDLE_MS} after the last answer, then kept a
 * while longer so the resident can be told it expired.
 *
 * @example
 * await drafts.save(customer, { step: 'what', photos: [] });
 * const draft = await drafts.load(customer);
 * if (draft && drafts.isOpen(draft)) …
 */
export class ResidentDrafts {
  constructor(private readonly deps: { coordination: Coordination; clock: Clock }) {}

  private key(customer: KfCustomer): string {
    return `resident-talk:${customer.openKfId}:${customer.externalUserId}`;
  }

  async load(customer: KfCustomer): Promise<Draft | undefined> {
    return (await this.deps.coordination.getState<Draft>(this.key(customer))) ?? undefined;
  }

  /** Still waiting for the resident's next answer (not expired). */
  isOpen(draft: Draft): boolean {
    return draft.expiresAt > this.deps.clock.now().getTime();
  }

  async save(customer: KfCustomer, draft: Omit<Draft, 'expiresAt'>): Promise<void> {
    await this.deps.coordination.setState<Draft>(
      this.key(customer),
      { ...draft, expiresAt: this.deps.clock.now().getTime() + IDLE_MS },
      IDLE_MS + GRACE_MS,
    );
  }

  async end(customer: KfCustomer): Promise<void> {
    await this.deps.coordination.deleteState(this.key(customer));
  }
}
