import type { residentsZh } from '../zh-CN/residents.js';

/** Residents' service account (WeCom customer service): plain words, no commands. */
export const residentsEn: typeof residentsZh = {
  /** The residents' filing conversation (on the residents' service only; not a command residents type). */
  fileCommand: {
    usage: 'Just say what happened',
    description: 'A resident reports a matter on the residents’ service',
    examples: ['The street light at the east gate has been out for a week'],
  },
  welcome: (community) =>
    `Hello! This is the CPPCC residents' service${community ? ` for ${community}` : ''}.\nIf something needs attention, just tell us in your own words, e.g. "the street light at building 3 is broken".\nTo follow up on something you reported, send "progress".`,
  greeting: (community) =>
    `Hello!${community ? ` This is the residents' service for ${community}.` : ''} Please tell us what happened; we will record it and pass it to the person in charge.\nTo follow up on earlier reports, send "progress".`,
  askWhat: 'Please tell us in a sentence or two what happened, e.g. "the light at the east gate has been broken for a week".',
  photoBeforeWords: 'Photo received. Please also tell us in words what happened.',
  askWhere: 'Which community (village) is it in? Reply with the number:',
  whereLine: (index, name) => `${index}. ${name}`,
  notSure: 'Not sure',
  badWhere: (answer) => `"${answer}" does not match the list. Please reply with a number from the list, e.g. "1".`,
  askPhoto: (community) => `Thank you. Place: ${community}.\nIf you can, send a photo of the spot; if not, reply "no".`,
  photoReceived: (count) => `Photo received (${count} so far). Send more if you like; when you are done, reply "done".`,
  askPhone:
    'Would you like us to call you back? If so, leave your mobile number and how to address you, e.g. "Mr Zhang 13812345678"; if not, reply "no".',
  badPhone: 'That mobile number does not look right (11 digits starting with 1). Please type it again, e.g. "13812345678", or reply "no".',
  confirm: (content, community, photos, contact) =>
    `Please check:\nWhat: ${content}\nWhere: ${community}\nPhotos: ${photos > 0 ? photos : 'none'}\nCall back: ${contact}\nReply "confirm" to submit, "change" to start again, or "cancel".`,
  noCallback: 'not needed',
  confirmRemind: 'Please reply "confirm" to submit, "change" to start again, or "cancel".',
  restart: 'All right, let us start again.',
  cancelled: 'All right, nothing was submitted. Come back any time.',
  nothingToCancel: 'There is nothing in progress. If something needs attention, just tell us.',
  expired: 'What you started earlier has expired. Please tell us again what happened.',
  photoNote: (count) => `(with ${count} photo(s) of the spot)`,
  photos: {
    notDownloadedInTime: 'WeCom keeps a photo for 3 days; this one was not downloaded in time and is lost.',
    unknownToWeCom: 'WeCom no longer has this photo (the media file expired or does not exist); it cannot be downloaded.',
    tooLarge: 'The photo is over the 10 MB limit and was not kept.',
    failedOnce: 'The photo could not be downloaded from WeCom this time; it is tried again every 10 minutes.',
    gaveUp: 'The photo could not be downloaded from WeCom after many tries; it was given up.',
    noSuchPhoto: (number, count, index) => `Opinion ${number} has ${count} photo(s); there is no photo ${index}.`,
    waiting: (number, index) => `Photo ${index} of opinion ${number} has not been downloaded from WeCom yet; try again in a few minutes.`,
    unavailable: (number, index, why) => `Photo ${index} of opinion ${number} is not available: ${why}`,
  },
  filed: (number) =>
    `Recorded. Your number is ${number}.\nWhat happens next: the office will accept it soon and pass it to the person in charge; we will tell you here at every step.\nTo see where it stands, send "progress" or just the number.`,
  filedOnDuty: 'The committee member on duty today has it too.',
  similar: (number, summary, count) =>
    `Residents have already reported something similar: ${number} "${summary}" (reported by ${count + 1} ${count > 0 ? 'residents' : 'resident'}).\nIf it is the same matter, reply "1" and we count you in;\nif it is something else, reply "2" to record yours separately.`,
  similarRemind: 'Please reply "1" (same matter, count me in) or "2" (record it separately), or "cancel".',
  plusOned: (number) => `Done, you are counted in ${number}. We will tell you here how it goes; send "progress" any time.`,
  noOpinions: 'You have not reported anything yet. If something needs attention, just tell us.',
  mineTitle: 'What you reported:',
  mineLine: (number, summary, state) => `· ${number} "${summary}": ${state}`,
  mineHint: 'Send a number to see the details.',
  notYours: (word) => `We found nothing you reported with the number "${word}". Send "progress" to see all your reports.`,
  progress: (number, summary, state) => `${number} "${summary}": ${state}.`,
  expectedBy: (date) => `Expected to be done by ${date}.`,
  result: (text) => `Result: ${text}`,
  askRate:
    'Are you satisfied with the result? Reply "满意" (satisfied), "基本满意" (mostly) or "不满意" (not satisfied). Within 7 days, "不满意" or "reopen" sends it back.',
  resolvedAskRate: (number, result, days) =>
    `What you reported (${number}) has been dealt with.\nResult: ${result}\nAre you satisfied? Just reply "satisfied", "mostly satisfied" or "not satisfied", and tell us why if not; within ${days} days we will take it up again.`,
  stateChanged: (number, state, note) =>
    `News about what you reported (${number}): ${state}${note ? ` (${note})` : ''}. Reply "progress" for the details.`,
  dutyHint: 'You can tell us here what happened; we will record it and pass it to the member on duty.',
  contactUs:
    'Writing here reaches us: tell us what happened and we will record it and pass it to the person in charge; leave a mobile number when you report if you would like a call back.\nTo follow up on earlier reports, reply "progress".',
  rated: (number) => `Thank you for rating! ${number} is closed. Come back any time.`,
  sentBack: (number) => `We are sorry it was not good enough. ${number} goes back to be handled again; we will tell you when it is done.`,
  reopened: (number) => `${number} is open again and will be handled further; we will keep you posted.`,
  nothingToRate: 'Nothing is waiting for your rating.',
  nothingToReopen: 'Nothing can be reopened (only within 7 days of being resolved). If something new happened, just tell us.',
  stateWords: {
    submitted: 'received, waiting to be accepted',
    accepted: 'accepted, a person in charge is being found',
    assigned: 'with the person in charge',
    in_progress: 'being handled',
    resolved: 'done, waiting for your rating',
    escalated: 'complex, passed on to a committee consultation',
    merged: 'handled together with the same matter reported by others',
    declined: 'not accepted',
    closed: 'closed',
  },
  heldHeader: 'Hello, these messages could not reach you while you were away:',
  staffUndelivered: (number, since) =>
    `A notice to a resident could not be delivered: ${number ? `the notice about ${number}` : 'one notice'} has been waiting since ${since} (WeCom allows 5 replies within 48 hours after a resident writes). It goes out when the resident writes again; to tell them sooner, the handler may use 查看联系方式 and call.`,
  qrSheetTitle: "Residents' service QR codes of every community",
  qrSheetHint: 'Scan with WeChat to tell the committee what needs attention',
  words: {
    greet: ['你好', '您好', '在吗', 'hi', 'hello', 'help', 'menu'],
    progress: ['进度', '我的反映', 'progress', 'status', 'my reports'],
    yes: ['确认', '对', '好的', 'confirm', 'yes', 'ok', 'okay', 'sure', 'right', 'submit'],
    no: ['不对', 'no', 'wrong', 'not right'],
    cancel: ['取消', '算了', 'cancel', 'never mind'],
    skip: ['没有', '不用', '好了', 'no', 'skip', 'none', 'done', 'nope', 'no thanks'],
    modify: ['修改', 'change', 'edit'],
    reopen: ['重新办理', '重新打开', 'reopen', 'not solved'],
    plusOne: ['1', 'same'],
    separate: ['2', 'separate'],
    ratings: {
      satisfied: ['满意', 'satisfied', 'good', 'very good'],
      basically: ['基本满意', 'ok', 'fair', 'mostly satisfied'],
      unsatisfied: ['不满意', 'unsatisfied', 'not satisfied', 'bad'],
    },
    questions: {
      duty: ['谁值班', 'who is on duty', 'on duty today'],
      progress: ['我的反映', 'how is my report', 'any progress'],
      contact: ['怎么联系', 'how to contact', 'contact you', 'phone number'],
    },
  },
};
