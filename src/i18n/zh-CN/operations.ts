/** 运行与运维：删除成员命令、npm run dev 的首次运行提示、运维命令行（npm run yishi）。 */
export const operationsZh = {
  commands: {
    deleteMember: {
      usage: '删除成员 成员',
      description: '停用一名成员，停用后不能再使用议事助手、也不再收到通知，历史记录保留（需确认，仅管理员）',
      examples: ['删除成员 @张三', '删除成员 张三'],
    },
  },
  deleteMember: {
    preview: (name: string, sector: string, role: string, upcoming: number) =>
      `将停用成员“${name}”（${sector}，${role}）。停用后该成员不能再使用议事助手，也不再收到通知；其反映、值班和履职记录都会保留。` +
      (upcoming > 0 ? `该成员还有${upcoming}次值班尚未进行，停用后请工作人员改派。` : ''),
    done: (name: string, upcoming: number) =>
      `已停用成员“${name}”。` + (upcoming > 0 ? `该成员还有${upcoming}次值班，请用管理接口或“排班”命令重新安排。` : ''),
    notFound: (who: string) => `没有找到成员“${who}”，请核对姓名，或直接@对方。`,
    notSelf: '不能停用您自己。如需交接，请由另一位管理员办理。',
    alreadyInactive: (name: string) => `成员“${name}”已经停用，无需再次操作。`,
  },
  dev: {
    running: (url: string) => `议事 Yishi 已启动：${url}`,
    mongodb: (kind: string) => `  数据库：${kind}`,
    redis: (url: string | undefined) => `  Redis：${url ?? '未设置，单实例模式'}`,
    token: (token: string) => `  管理令牌：${token}（保存在 .data/admin-token）`,
    readiness: (url: string) => `  健康检查：curl ${url}/readyz`,
    seeding: '数据库是空的：正在创建演示委员会（委员、村社区、值班表、协商议事月、几条反映）……',
    seeded: (members: number, communities: number, shifts: number, events: number, opinions: number) =>
      `演示委员会已就绪：${members}位成员，${communities}个村/社区，${shifts}个值班班次，${events}场协商活动，${opinions}条反映。`,
    seedSkipped: '数据库里已有成员，不再创建演示数据（要重新开始，请停止后删除 .data/ 目录）。',
    seedOff: '已按 YISHI_DEMO=off 跳过演示数据。',
    seedFailed: (reason: string) => `演示数据没有创建完整：${reason}。可以停止后删除 .data/ 目录再试。`,
    workbenchBuilding: '正在构建工作台网页（只需一次，约一分钟）……',
    workbenchBuildFailed: '工作台网页没有构建成功：请运行 npm run build:web 查看原因。',
    workbench: (url: string, link: string | undefined) =>
      [
        '',
        `工作台：${url}`,
        link
          ? `  演示管理员的登录链接（10 分钟内有效，只能用一次）：${link}`
          : '  登录：在聊天里以管理员身份发送「工作台」，打开回复中的链接。',
      ].join('\n'),
    howToChat: (url: string, defaultUrl: boolean) =>
      [
        '',
        '和议事助手聊天：在另一个终端运行',
        defaultUrl ? '  npm run chat' : `  YISHI_URL=${url} npm run chat`,
        '选择一个身份（委员、工作人员或居民），然后试试：帮助、值班、反映 路灯坏了、活动、我的值班。',
        '运维命令行：npm run yishi -- help',
      ].join('\n'),
  },
  cli: {
    usage: [
      '议事运维命令行（直接连接 MongoDB；在服务器上运行）',
      '',
      '用法：npm run yishi -- <命令> [参数]（构建后或在容器里：node dist/src/cli/yishi.js <命令>）',
      '',
      '  import members <文件.csv|文件.xlsx>       导入成员（列：姓名,界别,角色[,企业微信,钉钉,电话,召集人]）',
      '  import communities <文件.csv|文件.xlsx>   导入村/社区（列：名称[,关键词,二维码]）',
      '  roster generate --month 2026-04 | --from 日期 --to 日期 [--members 张三,李四] [--place 地点] [--half-days]',
      '                  [--holidays 日期,…] [--workdays 日期,…]   生成值班表（默认：全部委员轮流）',
      '  outbox failed [--limit 50]                 列出发送失败的通知',
      '  outbox retry <编号…> | --all               重新发送失败的通知',
      '  export <members|communities|opinions|roster|events> [--out 文件.csv] [--from 日期 --to 日期]',
      '  token rotate                               生成新的管理令牌（旧令牌随即失效）',
      '  token reset                                撤销轮换的令牌，恢复使用 ADMIN_TOKEN',
      '',
      '数据库：MONGODB_URI；开发时若未设置，则使用正在运行的 npm run dev 的数据库（.data/mongodb-uri）。',
    ].join('\n'),
    unknownCommand: (word: string) => `不认识的命令“${word}”。运行 npm run yishi -- help 查看全部命令。`,
    badOption: (message: string) => `参数有误：${message}。运行 npm run yishi -- help 查看用法。`,
    noDatabase: '找不到数据库：请设置 MONGODB_URI（与服务使用的相同），或先运行 npm run dev。',
    failed: (message: string) => `没有完成：${message}`,
    progress: (verb: string, done: number, total: number) => `${verb} ${done}/${total}`,
    import: {
      verb: '导入',
      checking: '校验',
      missingFile: '请给出要导入的文件，例如：npm run yishi -- import members 委员名单.csv',
      unreadable: (path: string, reason: string) => `读不了文件 ${path}：${reason}。整个文件未导入。`,
      unsupported: (path: string) => `只支持 .csv 和 .xlsx 文件：${path}。整个文件未导入。`,
      empty: '文件是空的。整个文件未导入。',
      columnCount: '列数与表头不一致',
      quoteNotClosed: '引号没有成对',
      malformed: (line: number | undefined, reason: string) => `${line ? `第${line}行` : '文件'}格式有误（${reason}）。整个文件未导入。`,
      header: (expected: string, unknown: string[]) =>
        `第1行（表头）应当列出：${expected}${unknown.length ? `；不认识的列：${unknown.join('、')}` : ''}。整个文件未导入。`,
      badRow: (line: number, problems: string) => `第${line}行：${problems}。整个文件未导入。`,
      repeats: (line: number, what: string, first: number) => `第${line}行：${what}与第${first}行重复。整个文件未导入。`,
      exists: (line: number, what: string, owner: string) => `第${line}行：${what}已经登记（${owner}）。整个文件未导入。`,
      rolledBack: (reason: string) => `导入中途出错（${reason}），已撤回本次写入的记录。整个文件未导入。`,
      done: (count: number, what: string) => `已导入${count}个${what}。`,
      members: '成员',
      communities: '村/社区',
      field: {
        name: '姓名',
        sector: '界别',
        role: '角色（委员、工作人员或管理员）',
        wecomUserId: '企业微信账号',
        dingtalkStaffId: '钉钉账号',
        phone: '电话',
        communityName: '名称',
        keywords: '关键词',
        code: '二维码场景值',
      } as Record<string, string>,
      required: '不能为空',
      tooLong: (max: number) => `不能超过${max}个字`,
      notPhone: '不是电话号码',
      notRole: '应当是委员、工作人员或管理员',
    },
    roster: {
      noMembers: '没有可以排班的委员：请先导入成员，或用 --members 指定。',
      unknownMember: (name: string) => `没有找到名叫“${name}”的成员（或有重名）。`,
      badDate: (value: string) => `“${value}”不是日期，请写成 2026-03-05。`,
      done: (created: number, kept: number, days: number, from: string, to: string) =>
        `已生成 ${from} 至 ${to} 的值班表：${days}个工作日，新排${created}个班次，保留已完成的${kept}个。`,
    },
    outbox: {
      none: '没有发送失败的通知。',
      header: '编号                      失败时间            尝试  收件人          原因',
      line: (id: string, at: string, attempts: number, to: string, error: string, text: string) =>
        `${id}  ${at}  ${String(attempts).padStart(4)}  ${to.padEnd(14)}  ${error}\n    ${text}`,
      more: (shown: number, total: number) => `（共${total}条，只列出最早的${shown}条；用 --limit 调整）`,
      retried: (count: number) => `已重新排队${count}条通知，服务会在一分钟内重新发送。`,
      notFailed: (id: string) => `编号 ${id} 不是发送失败的通知（或不存在），未处理。`,
      nothingToRetry: '请给出要重发的通知编号，或用 --all 重发全部失败的通知。',
    },
    export: {
      verb: '导出',
      unknownWhat: (what: string) => `不能导出“${what}”：可以导出 members、communities、opinions、roster、events。`,
      written: (count: number, path: string) => `已导出${count}行到 ${path}。`,
      needRange: '导出值班表请给出 --from 和 --to 日期。',
    },
    token: {
      rotated: '新的管理令牌如下（只显示这一次，请妥善保存；旧令牌已失效，各实例在15秒内生效）：',
      devFile: (path: string) => `已同时更新 ${path}，npm run chat 会使用新令牌。`,
      reset: '已撤销轮换的令牌：管理接口重新接受环境变量 ADMIN_TOKEN（各实例在15秒内生效）。',
      resetNothing: '没有轮换过的令牌，管理接口本来就使用 ADMIN_TOKEN。',
      unknownAction: (word: string) => `token 后面应当是 rotate 或 reset，而不是“${word}”。`,
    },
  },
};
