/**
 * DingTalk's JSAPI, inside the DingTalk app only: the page asks it for a 免登 code
 * (`dd.runtime.permission.requestAuthCode({ corpId })`). The file is loaded only when the user agent
 * says DingTalk; the server's Content-Security-Policy allows this one address
 * (src/http/workbench-static.ts, DINGTALK_JSAPI_URL).
 */
export const DINGTALK_JSAPI_URL = 'https://g.alicdn.com/dingding/dingtalk-jsapi/3.0.25/dingtalk.open.js';

interface DingtalkJsapi {
  ready(callback: () => void): void;
  error?(callback: (error: unknown) => void): void;
  runtime: {
    permission: {
      requestAuthCode(options: {
        corpId: string;
        onSuccess: (result: { code: string }) => void;
        onFail: (error: { errorCode?: string | number; errorMessage?: string } | undefined) => void;
      }): void;
    };
  };
}

declare global {
  interface Window {
    dd?: DingtalkJsapi;
  }
}

/** True inside the DingTalk app's built-in browser (its user agent carries `DingTalk/<version>`). */
export const insideDingtalk = (userAgent: string = globalThis.navigator?.userAgent ?? ''): boolean => /DingTalk/i.test(userAgent);

const JSAPI_TIMEOUT_MS = 15_000;

function loadJsapi(): Promise<DingtalkJsapi> {
  if (window.dd) return Promise.resolve(window.dd);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = DINGTALK_JSAPI_URL;
    script.async = true;
    script.onload = () => (window.dd ? resolve(window.dd) : reject(new Error('钉钉 JSAPI 加载后没有 dd 对象。')));
    script.onerror = () => reject(new Error('无法加载钉钉 JSAPI，请检查网络后重试。'));
    document.head.appendChild(script);
  });
}

/** Asks DingTalk for a one-time 免登 code for the person using the app (valid 5 minutes, once). */
export async function requestDingtalkAuthCode(corpId: string): Promise<string> {
  const dd = await loadJsapi();
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('钉钉没有回应免登请求，请关闭页面后重新打开。')), JSAPI_TIMEOUT_MS);
    const fail = (error: { errorMessage?: string } | undefined) => {
      clearTimeout(timer);
      reject(new Error(`钉钉拒绝了免登请求${error?.errorMessage ? `：${error.errorMessage}` : '。'}`));
    };
    dd.error?.((error) => fail(error as { errorMessage?: string }));
    dd.ready(() =>
      dd.runtime.permission.requestAuthCode({
        corpId,
        onSuccess: (result) => {
          clearTimeout(timer);
          resolve(result.code);
        },
        onFail: fail,
      }),
    );
  });
}
