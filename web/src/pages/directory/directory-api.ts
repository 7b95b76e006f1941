import { api } from '../../api/http';

// The /api routes the 名录 page uses (src/http/api/members-routes.ts, member-import-routes.ts,
// dictionary-routes.ts, groups-routes.ts, qr-routes.ts, outbox-routes.ts). The server checks everything.

export type MemberRole = 'member' | 'staff' | 'admin';

export interface Member {
  id: string;
  name: string;
  sector: string;
  role: MemberRole;
  wecomUserId?: string;
  dingtalkStaffId?: string;
  phone?: string;
  isConvenor?: boolean;
  active: boolean;
}
export type MemberFields = Omit<Member, 'id' | 'active'>;

export interface DictionaryEntry {
  id: string;
  name: string;
  keywords: string[];
  code?: string;
}
export type DictionaryKind = 'communities' | 'categories';

export interface Channel {
  platform: string;
  kind: string;
  webhookKey?: string;
  accessToken?: string;
  secret?: string;
  openConversationId?: string;
  id?: string;
  broken?: { reason: string; at: string };
}
export interface Group {
  key: string;
  name: string;
  channels: Channel[];
}

export interface ImportProblem {
  line?: number;
  message: string;
}
export interface ImportPreview {
  total: number;
  problems: ImportProblem[];
  members: Array<MemberFields & { line: number }>;
}
export interface MemberFile {
  fileName: string;
  content: string;
}

export interface QrCode {
  community: string;
  scene: string;
  url: string;
  png: string;
}

export interface FailedNotice {
  id: string;
  dueAt: string;
  attempts: number;
  recipient: string;
  reason: string;
  detail: string;
  text: string;
}

const list = <T>(path: string, query?: Record<string, string>) => api.get<{ items: T[]; total: number }>(path, query);
const segment = encodeURIComponent;

export const directoryApi = {
  members: () => list<Member>('/api/members', { includeInactive: 'true' }),
  addMember: (fields: MemberFields) => api.post<Member>('/api/members', fields),
  changeMember: (id: string, fields: Partial<MemberFields> & { active?: boolean }) =>
    api.patch<Member>(`/api/members/${segment(id)}`, fields),
  deactivateMember: (id: string) => api.delete(`/api/members/${segment(id)}`),
  previewImport: (file: MemberFile) => api.post<ImportPreview>('/api/members/import/preview', file),
  importMembers: (file: MemberFile) => api.post<{ imported: number }>('/api/members/import', file),

  entries: (kind: DictionaryKind) => list<DictionaryEntry>(`/api/${kind}`),
  addEntry: (kind: DictionaryKind, fields: Omit<DictionaryEntry, 'id'>) => api.post<DictionaryEntry>(`/api/${kind}`, fields),
  changeEntry: (kind: DictionaryKind, id: string, fields: Partial<Omit<DictionaryEntry, 'id'>>) =>
    api.patch<DictionaryEntry>(`/api/${kind}/${segment(id)}`, fields),
  removeEntry: (kind: DictionaryKind, id: string) => api.delete(`/api/${kind}/${segment(id)}`),

  groups: () => list<Group>('/api/groups'),
  addGroup: (group: { key: string; name: string }) => api.post<Group>('/api/groups', group),
  changeGroup: (key: string, fields: { name?: string; channels?: Channel[] }) => api.patch<Group>(`/api/groups/${segment(key)}`, fields),
  removeGroup: (key: string) => api.delete(`/api/groups/${segment(key)}`),

  qrCodes: () => list<QrCode>('/api/qr-codes'),

  failedNotices: () => list<FailedNotice>('/api/outbox/failed'),
  retryNotices: (ids: string[]) => api.post<{ queued: number; notFailed: string[] }>('/api/outbox/retry', { ids }),
  retryAllNotices: () => api.post<{ queued: number; notFailed: string[] }>('/api/outbox/retry', { all: true }),
};

/** A chosen file as the import routes take it: its name and its bytes in base64. */
export async function memberFileOf(file: File): Promise<MemberFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return { fileName: file.name, content: btoa(binary) };
}

export const ROLE_LABELS: Record<MemberRole, string> = { member: '委员', staff: '工作人员', admin: '管理员' };
