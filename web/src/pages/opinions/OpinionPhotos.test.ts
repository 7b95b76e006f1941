import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, settle } from '../../test-support/fake-api';
import OpinionPhotos from './OpinionPhotos.vue';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

async function mounted(count: number) {
  const view = mount(OpinionPhotos, { props: { opinionId: 'op1', count }, attachTo: document.body });
  await flushPromises();
  await settle();
  return view;
}

describe('a resident’s photos in the opinion drawer', () => {
  it('shows kept photos as images and says why the others are missing, in the server’s words', async () => {
    fakeApi({
      'GET /api/opinions/op1/photos': {
        total: 3,
        items: [
          { index: 1, state: 'kept', url: '/api/opinions/MY-2026-000001/photos/1' },
          { index: 2, state: 'lost', reason: '企业微信已经没有这张照片了（媒体文件已过期或不存在），无法取回。' },
          { index: 3, state: 'waiting', reason: '这次没能从企业微信取回照片，系统会每 10 分钟再试一次。' },
        ],
      },
    });
    const view = await mounted(3);

    expect(view.findAll('.el-image')).toHaveLength(1);
    const lost = view.get('[data-testid="photo-2-lost"]');
    expect(lost.text()).toContain('已丢失');
    expect(lost.text()).toContain('企业微信已经没有这张照片');
    expect(view.get('[data-testid="photo-3-waiting"]').text()).toContain('等待取回');
  });

  it('shows every photo as an image when the list cannot be read (a member without access)', async () => {
    fakeApi({
      'GET /api/opinions/op1/photos': new Response(JSON.stringify({ error: 'forbidden', message: '没有权限。' }), { status: 403 }),
    });
    const view = await mounted(2);

    expect(view.findAll('.el-image')).toHaveLength(2);
    expect(view.find('.missing').exists()).toBe(false);
  });
});
