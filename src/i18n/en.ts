import type { zhCN } from './zh-CN.js';

type Messages = typeof zhCN;
import { commandsEn } from './en/commands.js';
import { opinionsEn } from './en/opinions.js';
import { coreEn } from './en/core.js';
import { eventsEn } from './en/events.js';
import { wecomEn } from './en/wecom.js';
import { rosterEn } from './en/roster.js';
import { outboxEn } from './en/outbox.js';
import { recordsEn } from './en/records.js';
import { groupsEn } from './en/groups.js';
import { residentsEn } from './en/residents.js';
import { residentLimitsEn } from './en/resident-limits.js';
import { operationsEn } from './en/operations.js';
import { inputEn } from './en/input.js';
import { httpEn } from './en/http.js';
import { calendarEn } from './en/calendar.js';
import { privacyEn } from './en/privacy.js';
import { workbenchEn } from './en/workbench.js';
import { socialReportsEn } from './en/social-reports.js';
import { outcomesEn } from './en/outcomes.js';
import { pointsEn } from './en/points.js';
import { annualReportEn } from './en/annual-report.js';

/** English, the second locale; same shape as zh-CN. */
export const en: Messages = {
  core: coreEn,
  commands: commandsEn,
  events: eventsEn,
  wecom: wecomEn,
  roster: rosterEn,
  outbox: outboxEn,
  operations: operationsEn,
  opinions: opinionsEn,
  residents: residentsEn,
  residentLimits: residentLimitsEn,
  records: recordsEn,
  groups: groupsEn,
  input: inputEn,
  http: httpEn,
  privacy: privacyEn,
  calendar: calendarEn,
  workbench: workbenchEn,
  socialReports: socialReportsEn,
  points: pointsEn,
  annualReport: annualReportEn,
  outcomes: outcomesEn,
};
