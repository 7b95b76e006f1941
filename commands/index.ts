import type { Services } from '../src/services/services.js';
import { CommandRegistry } from '../src/core/registry.js';
import { helpCommand } from './help.js';
import { fileOpinionCommand } from './file-opinion.js';
import { fileAnywayCommand } from './file-anyway.js';
import { plusOneCommand } from './plus-one.js';
import { myOpinionsCommand } from './my-opinions.js';
import { opinionProgressCommand } from './opinion-progress.js';
import { acceptOpinionCommand } from './accept-opinion.js';
import { gradeOpinionCommand } from './grade-opinion.js';
import { assignOpinionCommand } from './assign-opinion.js';
import { resolveOpinionCommand } from './resolve-opinion.js';
import { resolveOnSpotCommand } from './resolve-on-spot.js';
import { escalateOpinionCommand } from './escalate-opinion.js';
import { declineOpinionCommand } from './decline-opinion.js';
import { mergeOpinionCommand } from './merge-opinion.js';
import { reclassifyOpinionCommand } from './reclassify-opinion.js';
import { registerGroupCommand } from './register-group.js';
import { rateOpinionCommand } from './rate-opinion.js';
import { reopenOpinionCommand } from './reopen-opinion.js';
import { revealContactCommand } from './reveal-contact.js';
import { opinionQueueCommand } from './opinion-queue.js';
import { overdueOpinionsCommand } from './overdue-opinions.js';
import { dutyCommand } from './roster/duty.js';
import { myDutyCommand } from './roster/my-duty.js';
import { swapCommand } from './roster/swap.js';
import { agreeSwapCommand, refuseSwapCommand } from './roster/answer-swap.js';
import { dutyCheckInCommand } from './roster/check-in.js';
import { generateRosterCommand } from './roster/generate.js';
import { eventsCommand } from './events/list.js';
import { eventDetailCommand } from './events/detail.js';
import { signUpCommand } from './events/sign-up.js';
import { cancelSignUpCommand } from './events/cancel-sign-up.js';
import { eventCheckInCommand } from './events/check-in.js';
import { eventOutcomeCommand } from './events/outcome.js';
import { programmeCommand } from './events/programme.js';
import { addOutcomeCommand } from './outcomes/add-outcome.js';
import { extendOutcomeCommand } from './outcomes/extend-outcome.js';
import { handleOutcomeCommand } from './outcomes/handle-outcome.js';
import { listOutcomesCommand } from './outcomes/list-outcomes.js';
import { myRecordCommand } from './records/my-record.js';
import { memberRecordCommand } from './records/member-record.js';
import { statsCommand } from './records/stats.js';
import { myPointsCommand } from './records/my-points.js';
import { myAnnualReportCommand } from './records/my-annual-report.js';
import { draftProposalCommand } from './proposals/draft-proposal.js';
import { submitProposalCommand } from './proposals/submit-proposal.js';
import { sendSocialReportCommand } from './social-reports/send-social-report.js';
import { mySocialReportsCommand } from './social-reports/my-social-reports.js';
import { openSocialReportsCommand } from './social-reports/open-social-reports.js';
import { handleSocialReportCommand } from './social-reports/handle-social-report.js';
import { deleteMemberCommand } from './delete-member.js';
import { workbenchLinkCommand } from './workbench-link.js';

/**
 * The explicit, ordered registry of chat commands. Order matters: help lists commands in this
 * order. Add a command by importing its file and placing it in the list.
 */
export function buildRegistry(): CommandRegistry<Services> {
  // help reads the finished registry; the arrow runs only after construction.
  const registry: CommandRegistry<Services> = new CommandRegistry([
    helpCommand(() => registry),
    // 民意闭环 (opinions)
    fileOpinionCommand,
    fileAnywayCommand,
    plusOneCommand,
    myOpinionsCommand,
    opinionProgressCommand,
    rateOpinionCommand,
    reopenOpinionCommand,
    acceptOpinionCommand,
    resolveOnSpotCommand,
    opinionQueueCommand,
    overdueOpinionsCommand,
    revealContactCommand,
    resolveOpinionCommand,
    gradeOpinionCommand,
    assignOpinionCommand,
    escalateOpinionCommand,
    declineOpinionCommand,
    mergeOpinionCommand,
    reclassifyOpinionCommand,
    // 轮值接待 (duty roster)
    dutyCommand,
    myDutyCommand,
    dutyCheckInCommand,
    swapCommand,
    agreeSwapCommand,
    refuseSwapCommand,
    generateRosterCommand,
    // 界别协商议事月 (events)
    programmeCommand,
    eventsCommand,
    eventDetailCommand,
    signUpCommand,
    cancelSignUpCommand,
    eventCheckInCommand,
    eventOutcomeCommand,
    // 协商成果与督办 (results of consultations, followed until delivered)
    listOutcomesCommand,
    addOutcomeCommand,
    handleOutcomeCommand,
    extendOutcomeCommand,
    // 履职档案、统计、提案 (records, rates, proposals)
    myRecordCommand,
    myPointsCommand,
    myAnnualReportCommand,
    draftProposalCommand,
    memberRecordCommand,
    statsCommand,
    submitProposalCommand,
    // 社情民意信息 (social-conditions reports)
    sendSocialReportCommand,
    mySocialReportsCommand,
    openSocialReportsCommand,
    handleSocialReportCommand,
    // 工作台 (web workbench sign-in)
    workbenchLinkCommand,
    // 成员管理 (admin)
    deleteMemberCommand,
    // 群目录 (groups directory)
    registerGroupCommand,
  ]);
  return registry;
}
