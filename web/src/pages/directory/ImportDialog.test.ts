import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../api/http';
import { fakeApi, settle } from '../../test-support/fake-api';
import ImportDialog from './ImportDialog.vue';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
  document.body.innerHTML = '';
});

const CSV = '姓名,界别,角色\n孙委员,文艺界,委员\n钱委员,文艺界,主席\n';

async function choose(text: string, name = '名单.csv'): Promise<void> {
  await flushPromises();
  await settle();
  const input = document.body.querySelector<HTMLInputElement>('[data-testid="import-file"]')!;
  Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'text/csv' })], configurable: true });
  input.dispatchEvent(new Event('change'));
  await flushPromises();
  await settle();
}
const confirmButton = () => document.body.querySelector<HTMLButtonElement>('[data-testid="import-confirm"]')!;

describe('importing a member file', () => {
  it('sends the chosen file for a preview, lists every bad line with why, and offers no import', async () => {
    const api = fakeApi({
      'POST /api/members/import/preview': {
        total: 2,
        problems: [{ line: 3, message: '第3行：角色（委员、工作人员或管理员）应当是委员、工作人员或管理员。' }],
        members: [{ line: 2, name: '孙委员', sector: '文艺界', role: 'member' }],
      },
    });
    const dialog = mount(ImportDialog, { props: { canImport: true }, attachTo: document.body });
    await choose(CSV);
    const sent = api.last('POST', '/api/members/import/preview')!.body as { fileName: string; content: string };
    expect(sent.fileName).toBe('名单.csv');
    expect(new TextDecoder().decode(Uint8Array.from(atob(sent.content), (c) => c.charCodeAt(0)))).toBe(CSV);
    const problems = document.body.querySelector('[data-testid="import-problems"]')!.textContent!;
    expect(problems).toContain('3');
    expect(problems).toContain('第3行：角色（委员、工作人员或管理员）应当是委员、工作人员或管理员。');
    expect(document.body.textContent).toContain('1 处错误，整个文件不会导入');
    expect(confirmButton().disabled).toBe(true);
    expect(api.last('POST', '/api/members/import')).toBeUndefined();
    dialog.unmount();
  });

  it('imports a good file with the CSRF token, and shows the server’s sentence when it refuses', async () => {
    setCsrfToken('csrf-import');
    let refuse = true;
    const api = fakeApi({
      'POST /api/members/import/preview': {
        total: 1,
        problems: [],
        members: [{ line: 2, name: '孙委员', sector: '文艺界', role: 'member' }],
      },
      'POST /api/members/import': () =>
        refuse
          ? new Response(JSON.stringify({ error: { code: 'forbidden', message: '只有管理员可以导入成员。' } }), { status: 403 })
          : { imported: 1, members: [] },
    });
    const dialog = mount(ImportDialog, { props: { canImport: true }, attachTo: document.body });
    await choose('姓名,界别,角色\n孙委员,文艺界,委员\n');
    expect(document.body.textContent).toContain('1 位成员，全部正确，可以导入');
    expect(confirmButton().disabled).toBe(false);
    confirmButton().click();
    await flushPromises();
    await settle();
    expect(document.body.textContent).toContain('只有管理员可以导入成员。');
    refuse = false;
    confirmButton().click();
    await flushPromises();
    await settle();
    expect(api.last('POST', '/api/members/import')).toMatchObject({
      headers: { 'X-CSRF-Token': 'csrf-import' },
      body: { fileName: '名单.csv' },
    });
    expect(dialog.emitted('imported')).toEqual([[1]]);
    dialog.unmount();
  });
});
