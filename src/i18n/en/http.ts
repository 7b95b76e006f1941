import type { httpZh } from '../zh-CN/http.js';

/** The admin API's (HTTP) error sentences: one per error code, and field-by-field problems. */
export const httpEn: typeof httpZh = {
  errors: {
    unauthorized: 'A valid admin token is required: send Authorization: Bearer <ADMIN_TOKEN>.',
    metrics_unauthorized: 'The metrics need the metrics token: send Authorization: Bearer <METRICS_TOKEN>.',
    body_not_json: 'The request body is not valid JSON; check its format and try again.',
    body_too_large: 'The request body is larger than allowed.',
    invalid_request: 'The request is invalid; check it and try again.',
    not_found: 'Nothing was found there; check the address and the id.',
    method_not_allowed: 'This address does not accept this request method.',
    store_unavailable: 'A data store is briefly unavailable; please retry.',
    internal_error: 'Internal error; please retry. If it keeps failing, give the X-Request-Id response header to an administrator.',
    wecom_signature_invalid: 'The WeCom callback signature is wrong; the request was not accepted.',
    wecom_decrypt_failed: 'The WeCom callback could not be decrypted; the request was not accepted.',
    wecom_receive_id_mismatch: 'The WeCom callback is not addressed to this corporation; the request was not accepted.',
    wecom_query_invalid: 'The WeCom callback lacks a parameter or has a malformed one.',
    wecom_envelope_invalid: 'The WeCom callback body is not in the expected format.',
    wecom_body_not_utf8: 'The WeCom callback body is not UTF-8 text.',
    wecom_xml_invalid: 'The WeCom callback XML is not well-formed.',
    wecom_xml_forbidden: 'The WeCom callback XML contains a declaration that is not allowed.',
    wecom_message_invalid: 'The WeCom callback message lacks a required part.',
    dingtalk_signature_invalid: 'The DingTalk callback signature is wrong or expired; the request was not accepted.',
    dingtalk_message_invalid: 'The DingTalk callback message is not in the expected format.',
    group_not_found: 'There is no group with this key; create new groups with POST /api/groups.',
    group_exists: 'A group with this key already exists; change it with PATCH /api/groups/<key>.',
    export_not_found: 'Exports are opinions, records and rates, each as .csv or .xlsx (e.g. /api/export/rates.csv?period=2026-11).',
    kf_not_configured: '微信客服 is not configured: set the WeCom app keys (WECOM_CORP_ID, WECOM_SECRET, …) and WECOM_KF_OPEN_KFID.',
    community_not_found: 'There is no community with this code or id.',
    community_unknown: 'There is no community with this name.',
    category_unknown: 'There is no category with this name.',
    community_duplicate: 'Another community already has this name or code.',
    category_duplicate: 'Another category already has this name.',
    period_invalid:
      'The period is invalid: give period (本周, 上周, 本月, 上月, 本季度, 上季度, 今年, 去年, 2026-11, 2026-Q4, 2026, 2026-W48) or from and to as YYYY-MM-DD with from <= to.',
    member_not_found: 'No such member: check the member id.',
    console_unknown_person: 'Unknown "from": use a member id, "resident:<name>" or "guest:<name>".',
  },
  ranges: {
    fromAfterTo: 'The request is invalid: from is after to.',
    openBeforeClose: 'The request is invalid: openOfDay must be before closeOfDay.',
    spanTooLong: (maxDays) => `The request is invalid: from–to must span 0 to ${maxDays} days.`,
  },
  duplicateRecord: (field) =>
    field
      ? `Another record already has this ${field}; use another value.`
      : 'Another record already has this value, which must be unique; use another.',
  byStatus: (status) =>
    status === 401 || status === 403
      ? 'Access denied.'
      : status === 404
        ? 'Not found.'
        : status === 409
          ? 'The request conflicts with existing data; check it and try again.'
          : status === 413
            ? 'The request body is larger than allowed.'
            : status === 429
              ? 'Too many requests; please slow down.'
              : status >= 500
                ? 'The server cannot handle this right now; please retry.'
                : 'The request is invalid; check it and try again.',
  invalidFields: (problems) => `The request is invalid: ${problems.join('; ')}.`,
  field: {
    body: 'body',
    missing: (field) => `${field} is missing`,
    wrongType: (field, expected) => `${field} must be ${expected}`,
    tooSmall: (field, limit, origin) =>
      origin === 'number'
        ? `${field} must be at least ${limit}`
        : origin === 'string'
          ? `${field} must have at least ${limit} characters`
          : `${field} must have at least ${limit} items`,
    tooBig: (field, limit, origin) =>
      origin === 'number'
        ? `${field} must be at most ${limit}`
        : origin === 'string'
          ? `${field} must have at most ${limit} characters`
          : `${field} must have at most ${limit} items`,
    badFormat: (field) => `${field} is not in the expected format`,
    oneOf: (field, values) => `${field} must be one of ${values.join(', ')}`,
    unknownKeys: (keys) => `unknown fields: ${keys.join(', ')}`,
    invalid: (field) => `${field} has a value that is not allowed`,
    mobile: (field) => `${field} must be a mobile number: 11 digits starting with 1`,
    types: {
      number: 'a number',
      int: 'a whole number',
      string: 'text',
      boolean: 'true or false',
      object: 'an object ({…})',
      array: 'a list ([…])',
      date: 'a date',
    },
  },
  membersImport: {
    duplicate: 'Another member already has this WeCom userid or DingTalk staffId.',
  },
};
