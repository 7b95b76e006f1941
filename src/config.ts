import { z } from 'zod';

/**
 * The only place that reads the environment. Every key here is documented in `.env.example`;
 * the names are part of the product's interface (operators and docs use them).
 */

const emptyToUndefined = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const optionalString = z.preprocess(emptyToUndefined, z.string().optional());

const encodingAesKey = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}$/, 'must be exactly 43 Base64 characters (A–Z, a–z, 0–9, + and /), as shown in the WeCom console')
    .refine(
      (value) => !/^[A-Za-z0-9+/]{43}$/.test(value) || Buffer.from(`${value}=`, 'base64').length === 32,
      'must decode to a 32-byte AES key',
    )
    .optional(),
);

const urlString = (fallback: string) =>
  z.preprocess(emptyToUndefined, z.string().url('must be an http(s) URL such as http://127.0.0.1:8080').default(fallback));

const integer = (fallback: number, min: number, max: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .int(`must be a whole number between ${min} and ${max}`)
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`)
      .default(fallback),
  );

const clockTime = (fallback: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time such as 08:00')
      .default(fallback),
  );

export const environmentSchema = z.object({
  PORT: integer(3000, 0, 65535),
  MONGODB_URI: z.preprocess(
    emptyToUndefined,
    z
      .string({ error: 'is required: a MongoDB connection string such as mongodb://127.0.0.1:27017/yishi' })
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://'),
  ),
  REDIS_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .optional(),
  ),
  TZ: z.preprocess(
    emptyToUndefined,
    z.literal('Asia/Shanghai', { error: 'must be Asia/Shanghai: every committee date is a Beijing-time date' }).default('Asia/Shanghai'),
  ),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
  ),
  ADMIN_TOKEN: z.preprocess(
    emptyToUndefined,
    z.string({ error: 'is required: a secret of at least 16 characters for the admin API' }).min(16, 'must be at least 16 characters long'),
  ),
  METRICS_TOKEN: z.preprocess(emptyToUndefined, z.string().min(16, 'must be at least 16 characters long').optional()),
  BODY_LIMIT_BYTES: integer(1024 * 1024, 1024, 64 * 1024 * 1024),
  SHUTDOWN_TIMEOUT_MS: integer(10_000, 100, 120_000),
  LOCALE: z.preprocess(emptyToUndefined, z.enum(['zh-CN', 'en']).default('zh-CN')),
  COMMAND_RATE_PER_MINUTE: integer(20, 1, 10_000),
  /** The words that confirm a change (comma-separated); default: the locale's (确认, 是, 确定). */
  CONFIRM_WORDS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .transform((text) => [...new Set(text.split(/[,，]/).map((word) => word.trim().toLowerCase()))].filter(Boolean))
      .pipe(z.array(z.string().max(10)).min(1, 'must list at least one word, e.g. 确认,是,确定'))
      .optional(),
  ),
  DUTY_REMINDER_TIME: clockTime('08:00'),
  WEEKLY_DIGEST_TIME: clockTime('09:00'),
  CHART_FONT_FILE: z.preprocess(emptyToUndefined, z.string().default('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc')),
  PUBLIC_URL: z.preprocess(
    emptyToUndefined,
    z.string().url('must be the http(s) address people open, such as https://yishi.example.cn').optional(),
  ),

  WECOM_CORP_ID: optionalString,
  WECOM_AGENT_ID: z.preprocess(emptyToUndefined, z.string().regex(/^\d+$/, 'must be the numeric AgentId of the self-built app').optional()),
  WECOM_SECRET: optionalString,
  WECOM_TOKEN: optionalString,
  WECOM_ENCODING_AES_KEY: encodingAesKey,
  WECOM_BOT_TOKEN: optionalString,
  WECOM_BOT_ENCODING_AES_KEY: encodingAesKey,
  WECOM_BOT_ID: optionalString,
  WECOM_BOT_SECRET: optionalString,
  WECOM_BOT_WS_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^wss?:\/\/[^\s/]+/, 'must be a ws(s) address such as wss://openws.work.weixin.qq.com')
      .default('wss://openws.work.weixin.qq.com'),
  ),
  WECOM_API_BASE: urlString('https://qyapi.weixin.qq.com'),
  WECOM_OAUTH_BASE: urlString('https://open.weixin.qq.com'),
  WECOM_WEB_LOGIN_BASE: urlString('https://login.work.weixin.qq.com'),
  WECOM_REPLY_WITHIN_MS: integer(300, 0, 4000),
  WECOM_KF_OPEN_KFID: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be the open_kfid of the 微信客服 account, such as wkAbCdEf123')
      .optional(),
  ),
  RESIDENT_CONTACT_RETENTION_DAYS: integer(180, 1, 3650),
  RESIDENT_OPINIONS_PER_HOUR: integer(3, 1, 1000),

  DINGTALK_APP_KEY: optionalString,
  DINGTALK_APP_SECRET: optionalString,
  DINGTALK_ROBOT_CODE: optionalString,
  DINGTALK_MODE: z.preprocess(emptyToUndefined, z.enum(['http', 'stream'], { error: 'must be http or stream' }).default('http')),
  DINGTALK_API_BASE: urlString('https://api.dingtalk.com'),
  DINGTALK_OAPI_BASE: urlString('https://oapi.dingtalk.com'),
  /** The organisation's CorpId: the workbench's 免登 inside DingTalk needs it (requestAuthCode). */
  DINGTALK_CORP_ID: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{4,64}$/, 'must be the CorpId shown in the DingTalk developer console, such as ding1234abcd5678ef')
      .optional(),
  ),
  DINGTALK_LOGIN_BASE: urlString('https://login.dingtalk.com'),
});

export type Environment = z.infer<typeof environmentSchema>;

export interface WecomAppConfig {
  corpId: string;
  agentId: string;
  secret: string;
  token: string;
  encodingAesKey: string;
}

export interface WecomBotConfig {
  token: string;
  encodingAesKey: string;
}

/** The smart robot over its long connection (长连接): no public callback address. */
export interface WecomAibotConfig {
  botId: string;
  secret: string;
  /** WeCom's WebSocket gateway (WECOM_BOT_WS_URL; tests point it at a fake). */
  wsUrl: string;
}

export interface DingtalkConfig {
  appKey: string;
  appSecret: string;
  robotCode: string;
  mode: 'http' | 'stream';
  apiBase: string;
  oapiBase: string;
  /** DINGTALK_CORP_ID: without it the workbench offers no 免登 inside DingTalk (web login still works). */
  corpId: string | undefined;
  /** Where DingTalk's web login page (login.dingtalk.com/oauth2/auth) lives (tests point it at a fake). */
  loginBase: string;
}

export interface Config {
  port: number;
  mongodbUri: string;
  redisUrl: string | undefined;
  timeZone: 'Asia/Shanghai';
  logLevel: Environment['LOG_LEVEL'];
  adminToken: string;
  /** When set, GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>`. */
  metricsToken: string | undefined;
  bodyLimitBytes: number;
  shutdownTimeoutMs: number;
  locale: 'zh-CN' | 'en';
  commandRatePerMinute: number;
  /** Words that confirm a change, when not the locale's (CONFIRM_WORDS). */
  confirmWords: string[] | undefined;
  dutyReminderTime: string;
  weeklyDigestTime: string;
  /** A CJK font file for the weekly digest's chart (Chinese labels). */
  chartFontFile: string;
  /** The address people open (workbench links, OAuth redirects); unset: where this instance listens. */
  publicUrl: string | undefined;
  /** `replyWithinMs`: how long a callback waits for the answer before acking and sending it later. */
  wecom: {
    app: WecomAppConfig | undefined;
    bot: WecomBotConfig | undefined;
    /** The smart robot's long connection (WECOM_BOT_ID + WECOM_BOT_SECRET). */
    aibot: WecomAibotConfig | undefined;
    apiBase: string;
    /** Where WeCom's OAuth2 authorize page and its web login (扫码) live (tests point them at a fake). */
    oauthBase: string;
    webLoginBase: string;
    replyWithinMs: number;
    kfOpenKfId: string | undefined;
  };
  /** Days after a resident's last opinion closes until their name and phone are deleted. */
  residentContactRetentionDays: number;
  /** New opinions one resident may file on 微信客服 within any hour. */
  residentOpinionsPerHour: number;
  dingtalk: DingtalkConfig | undefined;
}

/** Thrown when the environment cannot start Yishi; the message names every bad key. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Yishi cannot start: the configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const WECOM_APP_KEYS = ['WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET', 'WECOM_TOKEN', 'WECOM_ENCODING_AES_KEY'] as const;
const WECOM_BOT_KEYS = ['WECOM_BOT_TOKEN', 'WECOM_BOT_ENCODING_AES_KEY'] as const;
const WECOM_AIBOT_KEYS = ['WECOM_BOT_ID', 'WECOM_BOT_SECRET'] as const;
const DINGTALK_KEYS = ['DINGTALK_APP_KEY', 'DINGTALK_APP_SECRET', 'DINGTALK_ROBOT_CODE'] as const;

/** A platform is on when all of its keys are set, off when none are, and an error in between. */
function platformGroup<K extends keyof Environment>(env: Environment, keys: readonly K[], label: string, problems: string[]): boolean {
  const present = keys.filter((key) => env[key] !== undefined);
  if (present.length === 0) return false;
  if (present.length === keys.length) return true;
  const missing = keys.filter((key) => env[key] === undefined);
  for (const key of missing) problems.push(`${key}: is required when ${label} is configured (${present.join(', ')} set)`);
  return false;
}

export function loadConfig(
  source: Record<string, string | undefined> = process.env,
  overrides: Record<string, string | undefined> = {},
): Config {
  const parsed = environmentSchema.safeParse({ ...source, ...overrides });
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`));
  }
  const env = parsed.data;
  const problems: string[] = [];
  const wecomAppOn = platformGroup(env, WECOM_APP_KEYS, 'the WeCom app', problems);
  const wecomBotOn = platformGroup(env, WECOM_BOT_KEYS, 'the WeCom smart robot', problems);
  const wecomAibotOn = platformGroup(env, WECOM_AIBOT_KEYS, "the WeCom smart robot's long connection", problems);
  const dingtalkOn = platformGroup(env, DINGTALK_KEYS, 'DingTalk', problems);
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    port: env.PORT,
    mongodbUri: env.MONGODB_URI,
    redisUrl: env.REDIS_URL,
    timeZone: env.TZ,
    logLevel: env.LOG_LEVEL,
    adminToken: env.ADMIN_TOKEN,
    metricsToken: env.METRICS_TOKEN,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    locale: env.LOCALE,
    commandRatePerMinute: env.COMMAND_RATE_PER_MINUTE,
    confirmWords: env.CONFIRM_WORDS,
    dutyReminderTime: env.DUTY_REMINDER_TIME,
    weeklyDigestTime: env.WEEKLY_DIGEST_TIME,
    chartFontFile: env.CHART_FONT_FILE,
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, ''),
    wecom: {
      app: wecomAppOn
        ? {
            corpId: env.WECOM_CORP_ID!,
            agentId: env.WECOM_AGENT_ID!,
            secret: env.WECOM_SECRET!,
            token: env.WECOM_TOKEN!,
            encodingAesKey: env.WECOM_ENCODING_AES_KEY!,
          }
        : undefined,
      bot: wecomBotOn ? { token: env.WECOM_BOT_TOKEN!, encodingAesKey: env.WECOM_BOT_ENCODING_AES_KEY! } : undefined,
      aibot: wecomAibotOn ? { botId: env.WECOM_BOT_ID!, secret: env.WECOM_BOT_SECRET!, wsUrl: env.WECOM_BOT_WS_URL } : undefined,
      apiBase: env.WECOM_API_BASE,
      oauthBase: env.WECOM_OAUTH_BASE.replace(/\/+$/, ''),
      webLoginBase: env.WECOM_WEB_LOGIN_BASE.replace(/\/+$/, ''),
      replyWithinMs: env.WECOM_REPLY_WITHIN_MS,
      kfOpenKfId: env.WECOM_KF_OPEN_KFID,
    },
    residentContactRetentionDays: env.RESIDENT_CONTACT_RETENTION_DAYS,
    residentOpinionsPerHour: env.RESIDENT_OPINIONS_PER_HOUR,
    dingtalk: dingtalkOn
      ? {
          appKey: env.DINGTALK_APP_KEY!,
          appSecret: env.DINGTALK_APP_SECRET!,
          robotCode: env.DINGTALK_ROBOT_CODE!,
          mode: env.DINGTALK_MODE,
          apiBase: env.DINGTALK_API_BASE,
          oapiBase: env.DINGTALK_OAPI_BASE,
          corpId: env.DINGTALK_CORP_ID,
          loginBase: env.DINGTALK_LOGIN_BASE.replace(/\/+$/, ''),
        }
      : undefined,
  };
}

/** The platforms that are switched on, for /readyz and the first log line. */
export function enabledPlatforms(config: Config): string[] {
  const on: string[] = [];
  if (config.wecom.app) on.push('wecom-app');
  if (config.wecom.bot) on.push('wecom-bot');
  if (config.wecom.aibot) on.push('wecom-aibot');
  if (config.dingtalk) on.push(`dingtalk-${config.dingtalk.mode}`);
  return on;
}

/** Settings the dev/test tools need before a Config exists (they never read process.env themselves). */
export function readToolEnvironment(source: Record<string, string | undefined> = process.env): {
  mongodbUri: string | undefined;
  redisUrl: string | undefined;
  adminToken: string | undefined;
  ci: boolean;
  port: number | undefined;
  /** Where `npm run chat` finds a running Yishi (YISHI_URL; default http://127.0.0.1:<PORT or 3000>). */
  yishiUrl: string;
  /** Whether YISHI_URL or PORT was set (else `npm run chat` looks for the running `npm run dev` in .data/). */
  yishiUrlGiven: boolean;
  locale: 'zh-CN' | 'en';
  /** `npm run dev` seeds the demo committee into an empty database unless YISHI_DEMO=off. */
  demo: boolean;
  /** DUTY_REMINDER_TIME, as the server reads it (the CLI's roster service is the server's). */
  dutyReminderTime: string;
} {
  const port = source.PORT ? Number(source.PORT) : undefined;
  const reminder = environmentSchema.shape.DUTY_REMINDER_TIME.safeParse(source.DUTY_REMINDER_TIME);
  if (!reminder.success) throw new ConfigError(reminder.error.issues.map((issue) => `DUTY_REMINDER_TIME: ${issue.message}`));
  return {
    dutyReminderTime: reminder.data,
    yishiUrl: (source.YISHI_URL || `http://127.0.0.1:${Number.isInteger(port) && port ? port : 3000}`).replace(/\/+$/, ''),
    yishiUrlGiven: Boolean(source.YISHI_URL || source.PORT),
    locale: source.LOCALE === 'en' ? 'en' : 'zh-CN',
    demo: source.YISHI_DEMO !== 'off',
    mongodbUri: source.MONGODB_URI || undefined,
    redisUrl: source.REDIS_URL || undefined,
    adminToken: source.ADMIN_TOKEN || undefined,
    ci: source.CI === 'true',
    port: Number.isInteger(port) ? port : undefined,
  };
}
