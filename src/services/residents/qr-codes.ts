import QRCode from 'qrcode';
import type { Clock } from '../../core/clock.js';
import { YishiError } from '../../core/errors.js';
import type { Messages } from '../../i18n/messages.js';
import type { DictionaryEntry, DictionaryRepository } from '../opinions/dictionary-records.js';
import type { KfContactWay } from './kf-channel-stores.js';

/** One community's customer-service link. */
export interface CommunityQr {
  community: string;
  scene: string;
  url: string;
}

export interface QrCodesDeps {
  communities: DictionaryRepository;
  ways: { find(openKfId: string, scene: string): Promise<KfContactWay | null>; save(way: KfContactWay): Promise<void> };
  /** `kf/add_contact_way`; undefined when 微信客服 is not configured. */
  makeLink: ((openKfId: string, scene: string) => Promise<string>) | undefined;
  openKfId: string | undefined;
  clock: Clock;
  messages: Messages;
}

/** WeCom's scene: at most 32 of [0-9a-zA-Z_-]. */
const SCENE = /^[0-9A-Za-z_-]{1,32}$/;

/** The community's scene: its code when WeCom accepts it, else its id (24 hex characters). */
export const sceneOf = (community: DictionaryEntry) => (community.code && SCENE.test(community.code) ? community.code : community.id);

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * Community QR codes: per community, the customer-service link with the community's scene
 * (made once with kf/add_contact_way and kept, so printed codes stay valid), its PNG, and a
 * print-ready sheet of every community's code with the name under it.
 */
export class CommunityQrCodes {
  constructor(private readonly deps: QrCodesDeps) {}

  private configured(): { makeLink: (openKfId: string, scene: string) => Promise<string>; openKfId: string } {
    const { makeLink, openKfId } = this.deps;
    if (!makeLink || !openKfId) {
      throw new YishiError('kf_not_configured', {
        status: 409,
        detail: '微信客服 is not configured: set the WeCom app keys (WECOM_CORP_ID, WECOM_SECRET, …) and WECOM_KF_OPEN_KFID.',
      });
    }
    return { makeLink, openKfId };
  }

  private async link(community: DictionaryEntry): Promise<CommunityQr> {
    const { makeLink, openKfId } = this.configured();
    const scene = sceneOf(community);
    const known = await this.deps.ways.find(openKfId, scene);
    if (known) return { community: community.name, scene, url: known.url };
    const url = await makeLink(openKfId, scene);
    await this.deps.ways.save({ openKfId, scene, url, createdAt: this.deps.clock.now() });
    return { community: community.name, scene, url };
  }

  /** Every community's link, making the missing ones. */
  async all(): Promise<CommunityQr[]> {
    this.configured();
    const result: CommunityQr[] = [];
    for (const community of await this.deps.communities.list()) result.push(await this.link(community));
    return result;
  }

  /** One community by its scene (code or id); 404 when there is none. */
  async one(scene: string): Promise<CommunityQr> {
    const community = (await this.deps.communities.list()).find((c) => sceneOf(c) === scene || c.code === scene || c.id === scene);
    if (!community) throw new YishiError('community_not_found', { status: 404, detail: `No community with code or id "${scene}".` });
    return this.link(community);
  }

  png(url: string): Promise<Buffer> {
    return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 480 });
  }

  /** An A4 page (or several) to print: each code with its community's name under it. */
  async sheet(): Promise<string> {
    const t = this.deps.messages.residents;
    const cards: string[] = [];
    for (const qr of await this.all()) {
      const data = (await this.png(qr.url)).toString('base64');
      cards.push(
        `<figure class="card"><img src="data:image/png;base64,${data}" alt="${escapeHtml(qr.community)}"><figcaption>${escapeHtml(qr.community)}</figcaption><p>${escapeHtml(t.qrSheetHint)}</p></figure>`,
      );
    }
    return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(t.qrSheetTitle)}</title>
<style>
@page { size: A4; margin: 12mm; }
body { font-family: "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; }
h1 { font-size: 18pt; text-align: center; }
.grid { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8mm; }
.card { margin: 0; text-align: center; break-inside: avoid; page-break-inside: avoid; border: 1px dashed #999; padding: 4mm; }
.card img { width: 50mm; height: 50mm; }
figcaption { font-size: 16pt; font-weight: bold; margin-top: 2mm; }
.card p { font-size: 9pt; margin: 1mm 0 0; color: #444; }
</style></head>
<body><h1>${escapeHtml(t.qrSheetTitle)}</h1><main class="grid">${cards.join('\n')}</main></body></html>
`;
  }
}
