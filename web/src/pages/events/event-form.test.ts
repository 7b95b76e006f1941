import { describe, expect, it } from 'vitest';
import { createBody, emptyEventForm, formOf, fromBeijingInput, patchBody, toBeijingInput } from './event-form';
import { EVENT } from './event-fixtures';

describe('the event form’s Beijing time', () => {
  it('shows an instant as Beijing wall-clock time and sends it back with +08:00', () => {
    expect(toBeijingInput('2026-03-10T06:30:00.000Z')).toBe('2026-03-10T14:30');
    expect(toBeijingInput('2026-03-09T16:05:00.000Z')).toBe('2026-03-10T00:05');
    expect(fromBeijingInput('2026-03-10T14:30')).toBe('2026-03-10T14:30:00+08:00');
    expect(fromBeijingInput('2026-03-10T14:30:15')).toBe('2026-03-10T14:30:15+08:00');
    expect(fromBeijingInput('')).toBe('');
  });

  it('leaves empty optional fields out of a new event and clears them with null when editing', () => {
    const form = {
      ...emptyEventForm(),
      title: ' 协商会 ',
      sectors: ['工会'],
      startAt: '2026-03-10T14:30',
      endAt: '2026-03-10T16:30',
      place: '议事厅',
    };
    expect(createBody(form)).toEqual({
      title: '协商会',
      sectors: ['工会'],
      startAt: '2026-03-10T14:30:00+08:00',
      endAt: '2026-03-10T16:30:00+08:00',
      place: '议事厅',
      state: 'open',
    });
    const edited = { ...formOf(EVENT), capacity: null, theme: '' };
    expect(patchBody(edited, EVENT)).toMatchObject({ capacity: null, theme: null, startAt: '2026-03-10T14:30:00+08:00' });
    expect(patchBody(edited, EVENT)).not.toHaveProperty('state');
    expect(patchBody({ ...edited, state: 'done' }, EVENT)).toMatchObject({ state: 'done' });
  });
});
