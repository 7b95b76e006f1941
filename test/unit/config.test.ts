import { describe, expect, it } from 'vitest';
import { ConfigError, enabledPlatforms, loadConfig } from '../../src/config.js';

const base = { MONGODB_URI: 'mongodb://127.0.0.1:27017/yishi', ADMIN_TOKEN: 'a-long-enough-admin-token' };
const wecomApp = {
  WECOM_CORP_ID: 'wx5823bf96d3bd56c7',
  WECOM_AGENT_ID: '218',
  WECOM_SECRET: 'secret',
  WECOM_TOKEN: 'QDG6eK',
  WECOM_ENCODING_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('configuration', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({ port: 3000, timeZone: 'Asia/Shanghai', logLevel: 'info', redisUrl: undefined, bodyLimitBytes: 1048576 });
    expect(config.dingtalk).toBeUndefined();
    expect(enabledPlatforms(config)).toEqual([]);
  });

  it('reads CONFIRM_WORDS as the words that confirm (issue 21), the locale’s when unset', () => {
    expect(loadConfig(base).confirmWords).toBeUndefined();
    expect(loadConfig({ ...base, CONFIRM_WORDS: '确认， 同意 ,OK' }).confirmWords).toEqual(['确认', '同意', 'ok']);
    expect(problemsOf({ ...base, CONFIRM_WORDS: ' , ' })[0]).toMatch(/^CONFIRM_WORDS: must list at least one word/);
  });

  it('refuses a wrong-length WECOM_ENCODING_AES_KEY, naming the key', () => {
    const problems = problemsOf({ ...base, ...wecomApp, WECOM_ENCODING_AES_KEY: 'tooShort' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^WECOM_ENCODING_AES_KEY: must be exactly 43 Base64 characters/);
  });

  it('names a missing MONGODB_URI and ADMIN_TOKEN and says what is expected', () => {
    const problems = problemsOf({});
    expect(problems).toContainEqual(expect.stringMatching(/^MONGODB_URI: is required: a MongoDB connection string/));
    expect(problems).toContainEqual(expect.stringMatching(/^ADMIN_TOKEN: is required/));
  });

  it('refuses a bad PORT, DINGTALK_MODE and TZ by name', () => {
    const problems = problemsOf({ ...base, PORT: 'eighty', DINGTALK_MODE: 'socket', TZ: 'UTC' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['DINGTALK_MODE', 'PORT', 'TZ']);
  });

  it('turns a platform on only when all its keys are present, and names the missing ones', () => {
    expect(enabledPlatforms(loadConfig({ ...base, ...wecomApp }))).toEqual(['wecom-app']);
    const { WECOM_SECRET: _omitted, ...partial } = wecomApp;
    expect(problemsOf({ ...base, ...partial })).toEqual([
      expect.stringMatching(/^WECOM_SECRET: is required when the WeCom app is configured/),
    ]);
    const dingtalk = loadConfig({
      ...base,
      DINGTALK_APP_KEY: 'k',
      DINGTALK_APP_SECRET: 's',
      DINGTALK_ROBOT_CODE: 'r',
      DINGTALK_MODE: 'stream',
    });
    expect(enabledPlatforms(dingtalk)).toEqual(['dingtalk-stream']);
  });

  it('leaves /metrics open without METRICS_TOKEN and refuses a short one', () => {
    expect(loadConfig(base).metricsToken).toBeUndefined();
    expect(loadConfig({ ...base, METRICS_TOKEN: '' }).metricsToken).toBeUndefined();
    expect(loadConfig({ ...base, METRICS_TOKEN: 'a-long-enough-metrics-token' }).metricsToken).toBe('a-long-enough-metrics-token');
    expect(problemsOf({ ...base, METRICS_TOKEN: 'short' })).toEqual([expect.stringMatching(/^METRICS_TOKEN: must be at least 16/)]);
  });
});
