/** 居民服务号的反映次数上限（RESIDENT_OPINIONS_PER_HOUR）：超出时的答复。 */
export const residentLimitsZh = {
  /** 居民开始说一件新事时已到上限：不进入登记流程。 */
  tooManyToStart: (limit: number, time: string) =>
    `您在一小时内已经反映了${limit}件事，我们正在逐一办理，请放心。\n为了让每件事都得到认真处理，请在${time}以后再反映新的问题。如情况紧急，请直接联系所在社区（村）。`,
  /** 居民回复“确认”时已到上限：这件事先不提交，内容保留。 */
  tooManyToFile: (limit: number, time: string) =>
    `您在一小时内已经反映了${limit}件事，这一件暂时不能提交，您填写的内容我们先为您保留。\n请在${time}以后回复“确认”提交；不提交了请回复“取消”。如情况紧急，请直接联系所在社区（村）。`,
};
