import { describe, expect, it } from 'vitest';
import { toSearch } from './http';
import { boardQuery, sortParam } from './opinions';

describe('the board filters as the list query', () => {
  const paging = { page: 2, pageSize: 50, sort: '-deadline' };

  it('sends only the filters that are set, with words trimmed and the date range split', () => {
    const query = boardQuery(
      {
        state: 'accepted',
        community: '东城社区',
        grade: '',
        handler: 'm7',
        overdue: true,
        dates: ['2026-11-01', '2026-11-30'],
        q: '  路灯 ',
      },
      paging,
    );
    expect(toSearch(query)).toBe(
      `?${new URLSearchParams({ page: '2', pageSize: '50', sort: '-deadline', state: 'accepted', community: '东城社区', handler: 'm7', overdue: 'true', from: '2026-11-01', to: '2026-11-30', q: '路灯' })}`,
    );
  });

  it('leaves out overdue=false, blank words and a cleared date range', () => {
    expect(toSearch(boardQuery({ overdue: false, q: '   ', dates: null }, { page: 1, pageSize: 20, sort: '-createdAt' }))).toBe(
      '?page=1&pageSize=20&sort=-createdAt',
    );
  });

  it('maps the table sort to the API sort, falling back to newest first', () => {
    expect(sortParam('deadline', 'ascending')).toBe('deadline');
    expect(sortParam('plusOnes', 'descending')).toBe('-plusOnes');
    expect(sortParam('number', null)).toBe('-createdAt');
    expect(sortParam('content', 'ascending')).toBe('-createdAt');
  });
});
