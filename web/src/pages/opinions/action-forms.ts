/** What each action asks for before its preview (docs/workbench-api.md: actions and their params). */
export type ActionField = 'grade' | 'handlerId' | 'result' | 'reason' | 'into' | 'community' | 'category';

export interface ActionForm {
  fields: ActionField[];
  /** Fields that must be filled before the preview. */
  required: ActionField[];
}

export const ACTION_FORMS: Record<string, ActionForm> = {
  accept: { fields: [], required: [] },
  grade: { fields: ['grade'], required: ['grade'] },
  assign: { fields: ['handlerId'], required: ['handlerId'] },
  resolve: { fields: ['result'], required: ['result'] },
  resolveOnSpot: { fields: ['result'], required: ['result'] },
  escalate: { fields: ['reason'], required: [] },
  decline: { fields: ['reason'], required: ['reason'] },
  merge: { fields: ['into'], required: ['into'] },
  reclassify: { fields: ['community', 'category'], required: [] },
  reopen: { fields: ['reason'], required: ['reason'] },
};

export const FIELD_LABELS: Record<ActionField, string> = {
  grade: '分级',
  handlerId: '承办人',
  result: '办理结果',
  reason: '理由',
  into: '并入的民意编号',
  community: '社区',
  category: '类别',
};

export const formFor = (action: string): ActionForm => ACTION_FORMS[action] ?? { fields: [], required: [] };
