import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { useScenario } from '../../support/scenario.js';
import { wecomEnv } from '../../platforms/wecom/wecom-client.js';
import { startTestYishi, TEST_ADMIN_TOKEN } from '../../support/yishi.js';
import { addCommunity, OPEN_KFID } from './kf-support.js';
import { register } from '../opinions/opinion-chat.js';
import { signIn } from '../../http/workbench/workbench-client.js';

// jsqr is a CommonJS bundle: under NodeNext its default import is the module, whose `default` is the decoder.
const jsQR = (jsQRModule as unknown as { default: typeof jsQRModule.default }).default;

let communities: Array<{ id: string; name: string; code?: string }>;

const { yishi, wecom: fake } = useScenario(import.meta.url, { kf: true }, async () => {
  communities = [
    await addCommunity(yishi, '青石社区', 'qs01'),
    await addCommunity(yishi, '东门社区', 'dm02'),
    await addCommunity(yishi, '柳河村'),
  ];
});

async function fetchAsAdmin(path: string): Promise<Response> {
  return fetch(`${yishi.url}${path}`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
}

/** Reads the QR code in a PNG, as a phone camera would. */
function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

describe("community QR codes for the residents' service account", () => {
  it('makes one customer-service link per community, with the community code as its scene (the id when it has no code)', async () => {
    const { status, body } = await yishi.api('/api/qr-codes', { method: 'POST' });
    expect(status).toBe(200);
    expect(body.items.map((i: { community: string; scene: string }) => [i.community, i.scene])).toEqual([
      ['东门社区', 'dm02'],
      ['柳河村', communities[2]!.id],
      ['青石社区', 'qs01'],
    ]);
    for (const item of body.items) expect(item.url).toBe(fake.kf.contactWays.get(`${OPEN_KFID}:${item.scene}`));

    // Made once: printed codes stay valid.
    const again = await yishi.api('/api/qr-codes');
    expect(again.body.items.map((i: { url: string }) => i.url)).toEqual(body.items.map((i: { url: string }) => i.url));
    expect(fake.kf.contactWays.size).toBe(3);
  });

  it("serves each community's PNG, which decodes to that community's own link", async () => {
    const { body } = await yishi.api('/api/qr-codes');
    const decoded = new Set<string>();
    for (const item of body.items) {
      const response = await fetchAsAdmin(item.png);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      const link = decodeQr(Buffer.from(await response.arrayBuffer()));
      expect(link).toBe(item.url);
      decoded.add(link!);
    }
    expect(decoded.size).toBe(3);
  });

  it("prints a sheet with every code and the community's name under it", async () => {
    const response = await fetchAsAdmin('/api/qr-codes/sheet');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    const cards = [...html.matchAll(/<img src="data:image\/png;base64,([A-Za-z0-9+/=]+)"[^>]*><figcaption>([^<]+)<\/figcaption>/g)];
    expect(cards.map((card) => card[2])).toEqual(['东门社区', '柳河村', '青石社区']);
    const { body } = await yishi.api('/api/qr-codes');
    for (const [index, card] of cards.entries()) expect(decodeQr(Buffer.from(card[1]!, 'base64'))).toBe(body.items[index].url);
    expect(html).toContain('@page');
  });

  it('opens the sheet and the codes in the workbench with the session cookie, no bearer header (staff only)', async () => {
    const office = await signIn(yishi, (await register(yishi, { name: '王主任', sector: '中共', role: 'staff' })).id);
    const sheet = await fetch(`${yishi.url}/api/qr-codes/sheet`, { headers: { cookie: office.cookie } });
    expect(sheet.status).toBe(200);
    expect(await sheet.text()).toContain('<figcaption>青石社区</figcaption>');
    expect((await fetch(`${yishi.url}/api/qr-codes/qs01/png`, { headers: { cookie: office.cookie } })).status).toBe(200);
    const member = await signIn(yishi, (await register(yishi, { name: '李委员', sector: '工会', role: 'member' })).id);
    expect((await fetch(`${yishi.url}/api/qr-codes/sheet`, { headers: { cookie: member.cookie } })).status).toBe(403);
  });

  it('answers a clear error for an unknown community and without the admin token', async () => {
    const unknown = await fetchAsAdmin('/api/qr-codes/nope99/png');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('community_not_found');
    expect((await fetchAsAdmin('/api/qr-codes/bad%20scene/png')).status).toBe(400);
    expect((await fetch(`${yishi.url}/api/qr-codes`)).status).toBe(401);
    const doc = (await (await fetch(`${yishi.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/qr-codes', '/api/qr-codes/sheet', '/api/qr-codes/{scene}/png']));
  });

  it('says what is missing when 微信客服 is not configured', async () => {
    const bare = await startTestYishi(import.meta.url, { env: wecomEnv(fake.url) });
    try {
      const { status, body } = await bare.api('/api/qr-codes', { method: 'POST' });
      expect(status).toBe(409);
      expect(body.error.code).toBe('kf_not_configured');
      expect(body.error.message).toContain('WECOM_KF_OPEN_KFID');
    } finally {
      await bare.stop();
    }
  });
});
