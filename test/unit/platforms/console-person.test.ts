import { describe, expect, it } from 'vitest';
import { personFor } from '../../../src/platforms/console/console-client.js';

const people = [
  { id: '65f0c0ffee0000000000abcd', name: '沈清和', role: 'member', sector: '文艺界' },
  { id: '65f0c0ffee0000000000abce', name: '王主任', role: 'staff', sector: '中共' },
];

describe('npm run chat --as', () => {
  it('takes a member by name or by id', () => {
    expect(personFor(people, '沈清和')).toEqual({ id: '65f0c0ffee0000000000abcd', name: '沈清和', role: 'member' });
    expect(personFor(people, ' 65f0c0ffee0000000000abce ')).toEqual({ id: '65f0c0ffee0000000000abce', name: '王主任', role: 'staff' });
  });

  it('takes residents and guests as written', () => {
    expect(personFor(people, 'resident:王阿姨')).toEqual({ id: 'resident:王阿姨', name: '王阿姨', role: '' });
    expect(personFor(people, 'guest:访客')).toEqual({ id: 'guest:访客', name: '访客', role: '' });
  });

  it('finds nobody for an unknown name or a bare prefix', () => {
    expect(personFor(people, '沈清')).toBeUndefined();
    expect(personFor(people, 'resident:')).toBeUndefined();
  });
});
