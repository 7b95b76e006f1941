import { describe, expect, it } from 'vitest';
import { formatSocialReportNumber, readSocialReportNumber } from '../../../src/core/social-report-number.js';
import {
  MAX_REPORT_CHARS,
  readLevelWord,
  readStateWord,
  reportLength,
  stepProblem,
} from '../../../src/services/social-reports/social-report-rules.js';

describe('社情民意信息 numbers', () => {
  it('formats SQ-YYYY-NNNN and reads what people type', () => {
    expect(formatSocialReportNumber(2026, 7)).toBe('SQ-2026-0007');
    expect(formatSocialReportNumber(2026, 12345)).toBe('SQ-2026-12345');
    expect(readSocialReportNumber(' sq-2026-0007 ')).toBe('SQ-2026-0007');
    for (const word of ['SQ-2026-007', 'TA-2026-0007', 'SQ-26-0007', 'SQ-2026-0007x', '']) expect(readSocialReportNumber(word)).toBeNull();
  });
});

describe('the length of a report', () => {
  it('counts every character of the title and the three parts but spaces and line breaks', () => {
    expect(reportLength({ title: '标题', situation: '情 况\n', analysis: 'ab', suggestions: '😀' })).toBe(7);
    expect(MAX_REPORT_CHARS).toBe(1500);
  });
});

describe('the steps staff may take', () => {
  it.each([
    ['submitted', 'edited', undefined, undefined, '', null],
    ['submitted', 'not-adopted', undefined, undefined, '重复', null],
    ['submitted', 'not-adopted', undefined, undefined, '  ', 'reason-needed'],
    ['submitted', 'forwarded', undefined, 'city', '', 'not-next'],
    ['submitted', 'adopted', undefined, 'district', '', 'not-next'],
    ['edited', 'forwarded', undefined, undefined, '', 'level-needed'],
    ['edited', 'forwarded', undefined, 'city', '', null],
    ['edited', 'adopted', undefined, 'district', '', null],
    ['edited', 'adopted', undefined, 'city', '', 'level-above-forwarded'],
    ['edited', 'adopted', undefined, undefined, '', 'level-needed'],
    ['edited', 'edited', undefined, undefined, '', 'not-next'],
    ['forwarded', 'forwarded', 'city', 'city', '', 'level-not-higher'],
    ['forwarded', 'forwarded', 'city', 'district', '', 'level-not-higher'],
    ['forwarded', 'forwarded', 'city', 'province', '', null],
    ['forwarded', 'adopted', 'city', 'city', '', null],
    ['forwarded', 'adopted', 'city', 'district', '', null],
    ['forwarded', 'adopted', 'city', 'province', '', 'level-above-forwarded'],
    ['forwarded', 'adopted', 'national', 'national', '', null],
    ['forwarded', 'not-adopted', 'city', undefined, '', 'reason-needed'],
    ['adopted', 'not-adopted', 'city', undefined, '重复', 'final'],
    ['not-adopted', 'edited', undefined, undefined, '', 'final'],
  ] as const)('%s → %s (at %s, naming %s, note %j): %s', (from, to, current, level, note, problem) => {
    expect(stepProblem(from, to, current, level, note)).toBe(problem);
  });
});

describe('the words for steps and levels', () => {
  it.each([
    ['已编发', 'edited'],
    ['编发', 'edited'],
    ['已上报', 'forwarded'],
    ['上报', 'forwarded'],
    ['报送上级', 'forwarded'],
    ['已采用', 'adopted'],
    ['采用', 'adopted'],
    ['被采用', 'adopted'],
    ['未采用', 'not-adopted'],
    ['不采用', 'not-adopted'],
    ['不予采用', 'not-adopted'],
    [' 已采用 ', 'adopted'],
    ['通过', null],
    ['已报送', null],
  ])('step %j → %s', (word, state) => {
    expect(readStateWord(word)).toBe(state);
  });

  it.each([
    ['区', 'district'],
    ['区政协', 'district'],
    ['县级', 'district'],
    ['市', 'city'],
    ['市级', 'city'],
    ['市政协', 'city'],
    ['省', 'province'],
    ['省政协', 'province'],
    ['全国', 'national'],
    ['全国政协', 'national'],
    ['县城', null],
    ['', null],
  ])('level %j → %s', (word, level) => {
    expect(readLevelWord(word)).toBe(level);
  });
});
