import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, restoreCell, writeCsv } from '../../../src/services/csv-file.js';

const read = (csv: string) => parse(csv, { bom: true }) as string[][];

describe('the CSV cell neutraliser', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","点我")', `'=HYPERLINK("http://evil.example","点我")`],
    ["+1+cmd|' /C calc'!A0", `'+1+cmd|' /C calc'!A0`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('puts a quote before %j', (cell, expected) => {
    expect(neutraliseCell(cell)).toBe(expected);
  });

  it.each(['路灯坏了', 'MY-2026-000001', '', ' =1+1', "'=already quoted", '１＋１', '138-1234-5678'])('leaves %j as it is', (cell) => {
    expect(neutraliseCell(cell)).toBe(cell);
  });

  it('writes every formula-like string cell with the quote, and numbers as numbers', () => {
    const csv = writeCsv([
      ['编号', '内容'],
      ['MY-2026-000001', '=1+1'],
      ['@x', -5],
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(read(csv)).toEqual([
      ['编号', '内容'],
      ['MY-2026-000001', "'=1+1"],
      ["'@x", '-5'],
    ]);
  });

  it('keeps CRLF line ends when asked and quotes cells with commas, quotes and newlines', () => {
    const csv = writeCsv([['a,b', 'say "hi"', '第一行\n-第二行']], { lineEnds: 'windows' });
    expect(csv).toBe('\uFEFF"a,b","say ""hi""","第一行\n-第二行"\r\n');
  });

  it('quotes no plain cell, with either line end', () => {
    const rows = [
      ['编号', '内容'],
      ['MY-2026-000001', '路灯坏了'],
    ];
    expect(writeCsv(rows)).toBe('\uFEFF编号,内容\nMY-2026-000001,路灯坏了\n');
    expect(writeCsv(rows, { lineEnds: 'windows' })).toBe('\uFEFF编号,内容\r\nMY-2026-000001,路灯坏了\r\n');
  });

  it('reads back exactly what it neutralised, and nothing else', () => {
    for (const cell of ['=1+1', '+86 138 1234 5678', '-', '@张三', '\tx', '普通', "'plain quote"])
      expect(restoreCell(neutraliseCell(cell))).toBe(cell);
    // A quote before a formula sign later in the cell was typed so, not written by us.
    for (const cell of ["it's '=1", "价格'+5", "'"]) expect(restoreCell(cell)).toBe(cell);
  });
});
