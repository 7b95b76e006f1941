import type { ActivityLedger } from '../records/activity-ledger.js';
import type { EventRepository } from './event-records.js';
import type { ProgrammeRepository } from './event-records.js';
import { EventAttendance, type MeetingOutcomeResolver } from './event-attendance.js';
import { EventService, type EventServiceDeps } from './event-service.js';
import { ProgrammeService } from './programme-service.js';

/** The consultation month's services, as commands and the admin API see them. */
export interface EventServices {
  /** Creating, changing, cancelling and finding events; their reminders. */
  catalog: EventService;
  /** Sign-up, withdrawal, check-in and outcomes. */
  attendance: EventAttendance;
  /** Consultation months that group events. */
  programmes: ProgrammeService;
}

export function buildEventServices(
  deps: EventServiceDeps & {
    events: EventRepository;
    programmes: ProgrammeRepository;
    opinions?: () => MeetingOutcomeResolver | undefined;
    ledger?: Pick<ActivityLedger, 'eventAttended'>;
  },
): EventServices {
  const catalog = new EventService(deps);
  return {
    catalog,
    attendance: new EventAttendance(catalog, {
      events: deps.events,
      clock: deps.clock,
      messages: deps.messages,
      ...(deps.opinions ? { opinions: deps.opinions } : {}),
      ...(deps.ledger ? { ledger: deps.ledger } : {}),
    }),
    programmes: new ProgrammeService({ programmes: deps.programmes, events: deps.events, clock: deps.clock, messages: deps.messages }),
  };
}
