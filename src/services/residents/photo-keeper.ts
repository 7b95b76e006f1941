import type { Messages } from '../../i18n/messages.js';
import type { Logger } from '../../logger.js';
import { SendError } from '../../platforms/types.js';
import type { KfPhotoInfo } from './kf-channel-stores.js';
import { DAY_MS } from '../opinions/types.js';

/** WeCom keeps a media id for 3 days; after that a photo not yet downloaded is gone. */
export const MEDIA_LIFETIME_MS = 3 * DAY_MS;
/** WeCom's own limit for an image message is 10 MB. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** Downloads tried per photo before it is given up (the job runs every 10 minutes). */
const MAX_ATTEMPTS = 12;
/** Photos downloaded per run, so one run stays short. */
const BATCH = 50;
/** `media/get` for an unknown or expired media id. */
const INVALID_MEDIA_ID = 40007;

/** What fetching a media id gives: the file, or the platform's error answer (WeCom's `media/get`). */
export type MediaDownload =
  { kind: 'file'; bytes: Buffer; contentType: string } | { kind: 'error'; result: { errcode: number; errmsg: string } };

export interface PhotoKeeperDeps {
  photos: {
    listWaiting(since: Date, limit: number): Promise<KfPhotoInfo[]>;
    keep(id: string, file: { bytes: Buffer; contentType: string }, at: Date): Promise<void>;
    noteFailure(id: string, reason: string, lost: boolean): Promise<void>;
  };
  /** `media/get` through the app's access token. */
  download(mediaId: string, maxBytes: number): Promise<MediaDownload>;
  logger: Logger;
}

/** What one run did. */
export interface PhotoRun {
  kept: number;
  failed: number;
  lost: number;
}

/**
 * Downloads residents' photos while WeCom still has them, so an opinion keeps its evidence after
 * the media id's 3 days. A photo that fails is tried again on the next run; one WeCom no longer
 * knows (40007), one too large, or one that failed {@link MAX_ATTEMPTS} times is marked lost.
 */
export class PhotoKeeper {
  constructor(private readonly deps: PhotoKeeperDeps) {}

  async keepWaiting(now: Date): Promise<PhotoRun> {
    const run: PhotoRun = { kept: 0, failed: 0, lost: 0 };
    for (const photo of await this.deps.photos.listWaiting(new Date(now.getTime() - MEDIA_LIFETIME_MS), BATCH)) {
      const outcome = await this.keepOne(photo, now);
      run[outcome] += 1;
    }
    if (run.kept + run.failed + run.lost > 0) this.deps.logger.info({ ...run }, 'residents’ photos downloaded from WeCom');
    return run;
  }

  private async keepOne(photo: KfPhotoInfo, now: Date): Promise<keyof PhotoRun> {
    const log = this.deps.logger.child({ photoId: photo.id, opinionNumber: photo.opinionNumber });
    let reason: string;
    let lost: boolean;
    try {
      const got = await this.deps.download(photo.mediaId, MAX_PHOTO_BYTES);
      if (got.kind === 'file') {
        await this.deps.photos.keep(photo.id, got, now);
        return 'kept';
      }
      reason = `media/get: WeCom errcode ${got.result.errcode} ${got.result.errmsg}`;
      lost = got.result.errcode === INVALID_MEDIA_ID;
    } catch (error) {
      const sendError = error instanceof SendError ? error : undefined;
      reason = sendError ? `${sendError.code}: ${sendError.message}` : String((error as Error)?.message ?? error);
      lost = sendError !== undefined && !sendError.retryable;
    }
    lost ||= photo.attempts + 1 >= MAX_ATTEMPTS;
    await this.deps.photos.noteFailure(photo.id, reason, lost);
    if (lost) log.warn({ reason }, 'a resident’s photo could not be downloaded and is lost');
    else log.info({ reason }, 'a resident’s photo could not be downloaded yet; trying again later');
    return lost ? 'lost' : 'failed';
  }
}

/**
 * Why a photo is not (yet) kept, as a sentence for the office; `lastError` keeps the platform's own
 * words (English, as {@link PhotoKeeper} wrote them) for the log and the detail.
 */
export function photoFailureReason(photo: { state: string; lastError?: string }, expired: boolean, t: Messages): string | undefined {
  const words = t.residents.photos;
  if (expired) return words.notDownloadedInTime;
  const text = photo.lastError ?? '';
  if (photo.state === 'lost') {
    if (text.includes(`errcode ${INVALID_MEDIA_ID}`)) return words.unknownToWeCom;
    if (text.includes('too_large')) return words.tooLarge;
    return words.gaveUp;
  }
  return text ? words.failedOnce : undefined;
}
