/** 管理接口（HTTP）的出错说明：每个错误码一句话，以及请求字段不合格时的逐项说明。 */
export const httpZh = {
  errors: {
    unauthorized: '需要有效的管理令牌：请在请求头里加上 Authorization: Bearer <管理令牌>。',
    metrics_unauthorized: '查看运行指标需要指标令牌：请在请求头里加上 Authorization: Bearer <METRICS_TOKEN>。',
    body_not_json: '请求内容不是有效的 JSON，请检查格式后再试。',
    body_too_large: '请求内容太大，超过了允许的上限。',
    invalid_request: '请求有误，请检查后再试。',
    not_found: '没有找到要访问的内容，请核对地址和编号。',
    method_not_allowed: '这个地址不支持这种请求方法。',
    store_unavailable: '数据存储暂时无法访问，请稍后再试。',
    internal_error: '服务器内部出错了，请稍后再试；如果一直出错，请把响应头 X-Request-Id 的值告诉管理员。',
    wecom_signature_invalid: '企业微信回调的签名不对，请求未被接受。',
    wecom_decrypt_failed: '企业微信回调的密文无法解开，请求未被接受。',
    wecom_receive_id_mismatch: '企业微信回调不是发给本企业的，请求未被接受。',
    wecom_query_invalid: '企业微信回调缺少参数或参数格式不对。',
    wecom_envelope_invalid: '企业微信回调的内容格式不对。',
    wecom_body_not_utf8: '企业微信回调的内容不是 UTF-8 文字。',
    wecom_xml_invalid: '企业微信回调的 XML 格式不对。',
    wecom_xml_forbidden: '企业微信回调的 XML 含有不允许的声明。',
    wecom_message_invalid: '企业微信回调的消息缺少必要内容。',
    dingtalk_signature_invalid: '钉钉回调的签名不对或已过期，请求未被接受。',
    dingtalk_message_invalid: '钉钉回调的消息格式不对。',
    group_not_found: '没有这个群组，请核对群组的 key；新的群组用 POST /api/groups 创建。',
    group_exists: '已有这个 key 的群组；要修改请用 PATCH /api/groups/<key>。',
    export_not_found: '可以导出的有 opinions、records、rates，格式为 .csv 或 .xlsx，例如 /api/export/rates.csv?period=2026-11。',
    kf_not_configured: '还没有配置微信客服：请设置企业微信自建应用的参数（WECOM_CORP_ID、WECOM_SECRET 等）和 WECOM_KF_OPEN_KFID。',
    community_not_found: '没有这个村/社区，请核对社区代码或编号。',
    community_unknown: '没有这个名称的村/社区，请核对名称。',
    category_unknown: '没有这个名称的反映类别，请核对名称。',
    community_duplicate: '已有同名（或同代码）的村/社区。',
    category_duplicate: '已有同名的反映类别。',
    period_invalid:
      '统计期间不对：period 填 本周、上周、本月、上月、本季度、上季度、今年、去年，或 2026-11、2026-Q4、2026、2026-W48；也可以用 from 和 to 给出起止日期（YYYY-MM-DD，from 不晚于 to）。',
    member_not_found: '没有这位成员，请核对成员编号。',
    console_unknown_person: '不认识“from”：请填成员编号，或 resident:<姓名>、guest:<姓名>。',
  } as Record<string, string>,
  /** 请求里的日期、时间彼此矛盾。 */
  ranges: {
    fromAfterTo: '请求无效：from（开始日期）晚于 to（结束日期）。',
    openBeforeClose: '请求无效：上班时间 openOfDay 应当早于下班时间 closeOfDay。',
    spanTooLong: (maxDays: number) => `请求无效：from 到 to 最多相隔 ${maxDays} 天。`,
  },
  /** 存储拒绝了重复的唯一值（没有更具体说明时）。 */
  duplicateRecord: (field: string | undefined) =>
    field ? `已有记录使用了同样的“${field}”，请换一个再试。` : '已有记录使用了同样的值（应当唯一），请换一个再试。',
  /** 没有专门说明的错误码，按状态码给一句通用的话。 */
  byStatus: (status: number): string =>
    status === 401 || status === 403
      ? '没有访问权限。'
      : status === 404
        ? '没有找到要访问的内容。'
        : status === 409
          ? '请求与现有数据冲突，请核对后再试。'
          : status === 413
            ? '请求内容太大，超过了允许的上限。'
            : status === 429
              ? '请求太频繁，请稍后再试。'
              : status >= 500
                ? '服务器暂时无法处理，请稍后再试。'
                : '请求有误，请检查后再试。',
  /** 请求字段不合格：把每一项问题连成一句话。 */
  invalidFields: (problems: string[]) => `请求有误：${problems.join('；')}。`,
  field: {
    body: '请求内容',
    missing: (field: string) => `缺少“${field}”`,
    wrongType: (field: string, expected: string) => `“${field}”应为${expected}`,
    tooSmall: (field: string, limit: string, origin: string) =>
      origin === 'number'
        ? `“${field}”不能小于 ${limit}`
        : origin === 'string'
          ? `“${field}”至少要 ${limit} 个字`
          : `“${field}”至少要有 ${limit} 项`,
    tooBig: (field: string, limit: string, origin: string) =>
      origin === 'number'
        ? `“${field}”不能大于 ${limit}`
        : origin === 'string'
          ? `“${field}”最多 ${limit} 个字`
          : `“${field}”最多只能有 ${limit} 项`,
    badFormat: (field: string) => `“${field}”的格式不对`,
    oneOf: (field: string, values: string[]) => `“${field}”只能是 ${values.join('、')} 之一`,
    unknownKeys: (keys: string[]) => `有不认识的字段：${keys.map((key) => `“${key}”`).join('、')}`,
    invalid: (field: string) => `“${field}”的值不符合要求`,
    mobile: (field: string) => `“${field}”应为手机号：1 开头的 11 位数字`,
    /** 类型的说法。 */
    types: {
      number: '数字',
      int: '整数',
      string: '文字',
      boolean: 'true 或 false',
      object: '对象（{…}）',
      array: '列表（[…]）',
      date: '日期',
    } as Record<string, string>,
  },
  /** 导入成员名单（POST /api/members/import）：整个文件或什么都不导入。 */
  membersImport: {
    duplicate: '已有成员使用这个企业微信账号或钉钉账号。',
  },
};
