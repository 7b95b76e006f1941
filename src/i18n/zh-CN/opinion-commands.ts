/** 民意相关命令的用法、说明和示例（帮助由此生成）。 */
export const opinionCommandsZh = {
  file: {
    usage: '反映 内容 [#社区] [#类别]',
    description: '向政协反映问题或建议（不写内容会一步步引导您）',
    examples: ['反映 青石社区3号楼路灯坏了一周了', '反映 垃圾清运不及时 #青石社区 #环境卫生'],
  },
  fileAnyway: { usage: '仍要提交', description: '有类似反映时，仍把刚才的内容单独提交', examples: ['仍要提交'] },
  plusOne: { usage: '附议 编号', description: '为已有的反映+1，人多的事会优先协商', examples: ['附议 MY-2026-000123'] },
  mine: { usage: '我的反映', description: '查看自己提交的反映和进度', examples: ['我的反映'] },
  progress: { usage: '进度 编号', description: '查看一条反映的办理进度', examples: ['进度 MY-2026-000123', '进度 123'] },
  accept: {
    usage: '受理 编号',
    description: '受理一条反映（工作人员或值班委员）；承办人发送则表示开始办理',
    examples: ['受理 MY-2026-000123'],
  },
  grade: { usage: '分级 编号 简易|一般|复杂', description: '给反映定级，决定办理时限', examples: ['分级 MY-2026-000123 一般'] },
  assign: { usage: '分派 编号 @成员', description: '把反映分派给一位委员办理', examples: ['分派 MY-2026-000123 @张三', '分派 123 张三'] },
  resolve: { usage: '办结 编号 结果', description: '登记办理结果并办结（需确认）', examples: ['办结 MY-2026-000123 已联系物业更换路灯'] },
  resolveOnSpot: {
    usage: '当场办结 编号 结果',
    description: '接待时当场解决的反映，直接办结',
    examples: ['当场办结 MY-2026-000123 已当场解答政策'],
  },
  escalate: { usage: '转协商 编号', description: '把复杂问题转为协商议题', examples: ['转协商 MY-2026-000123'] },
  decline: {
    usage: '不予受理 编号 理由',
    description: '不属于受理范围的反映，说明理由（需确认）',
    examples: ['不予受理 MY-2026-000123 属于司法程序，请通过法院途径解决'],
  },
  reclassify: {
    usage: '改分类 编号 社区|类别 名称',
    description: '更正反映的社区或类别（工作人员；会记入办理记录）',
    examples: ['改分类 MY-2026-000123 社区 东门社区', '改分类 123 类别 环境卫生'],
  },
  merge: {
    usage: '合并 编号 目标编号',
    description: '把重复的反映合并到另一条（需确认）',
    examples: ['合并 MY-2026-000124 MY-2026-000123'],
  },
  rate: {
    usage: '评价 编号 满意|基本满意|不满意 [理由]',
    description: '对办理结果作出评价，可以写上理由（会转告承办人）',
    examples: ['评价 MY-2026-000123 满意', '评价 MY-2026-000123 基本满意 地砖换了但颜色不一样'],
  },
  reopen: {
    usage: '重新打开 编号 原因',
    description: '办结 7 天内反映人或工作人员可退回重新办理；已归档的只有工作人员可以重新打开（原因会转告承办人）',
    examples: ['重新打开 MY-2026-000123 又松了'],
  },
  contact: {
    usage: '查看联系方式 编号',
    description: '承办人或工作人员查看反映人的联系方式（会留下记录）',
    examples: ['查看联系方式 MY-2026-000123'],
  },
  queue: { usage: '待办', description: '查看需要我处理的反映', examples: ['待办'] },
  overdue: { usage: '逾期', description: '查看超过办理时限的反映', examples: ['逾期'] },
  dialogue: {
    askContent: '请说说您遇到了什么事（一条消息写清楚即可，最多 2000 字）：',
    askCommunity: '这件事发生在哪个社区？请回复序号：',
    askReopenReason: '请说说为什么要重新打开（会转告承办人），例如：又松了。',
    notSure: '不确定 / 其他',
    confirm: (content: string, community: string) => `请确认：\n内容：${content}\n社区：${community}\n回复“确认”提交，回复“取消”放弃。`,
  },
};
