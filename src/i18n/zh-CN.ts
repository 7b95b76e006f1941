import { commandsZh } from './zh-CN/commands.js';
import { opinionsZh } from './zh-CN/opinions.js';
import { coreZh } from './zh-CN/core.js';
import { eventsZh } from './zh-CN/events.js';
import { wecomZh } from './zh-CN/wecom.js';
import { rosterZh } from './zh-CN/roster.js';
import { outboxZh } from './zh-CN/outbox.js';
import { residentsZh } from './zh-CN/residents.js';
import { residentLimitsZh } from './zh-CN/resident-limits.js';
import { operationsZh } from './zh-CN/operations.js';
import { recordsZh } from './zh-CN/records.js';
import { groupsZh } from './zh-CN/groups.js';
import { inputZh } from './zh-CN/input.js';
import { httpZh } from './zh-CN/http.js';
import { calendarZh } from './zh-CN/calendar.js';
import { privacyZh } from './zh-CN/privacy.js';
import { workbenchZh } from './zh-CN/workbench.js';
import { socialReportsZh } from './zh-CN/social-reports.js';
import { outcomesZh } from './zh-CN/outcomes.js';
import { pointsZh } from './zh-CN/points.js';
import { annualReportZh } from './zh-CN/annual-report.js';

/**
 * 用户能读到的每一句话都在这里（按领域分文件，放在 zh-CN/ 目录下）。
 * Every sentence a person reads lives here, one section per area.
 */
export const zhCN = {
  core: coreZh,
  commands: commandsZh,
  events: eventsZh,
  wecom: wecomZh,
  roster: rosterZh,
  outbox: outboxZh,
  operations: operationsZh,
  opinions: opinionsZh,
  residents: residentsZh,
  residentLimits: residentLimitsZh,
  records: recordsZh,
  groups: groupsZh,
  input: inputZh,
  http: httpZh,
  privacy: privacyZh,
  calendar: calendarZh,
  workbench: workbenchZh,
  socialReports: socialReportsZh,
  points: pointsZh,
  annualReport: annualReportZh,
  outcomes: outcomesZh,
};
