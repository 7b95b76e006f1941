import { describe, expect, it } from 'vitest';
import { cronAt, timeOfDay } from '../../../src/core/scheduled-job.js';

describe('configured times of day and their cron expressions', () => {
  it.each([
    ['00:00', 0, 0],
    ['08:05', 8, 5],
    ['09:30', 9, 30],
    ['19:59', 19, 59],
    ['23:59', 23, 59],
  ])('reads %s as %i:%i', (text, hour, minute) => {
    expect(timeOfDay(text)).toEqual({ hour, minute });
  });

  it.each(['24:00', '8:00', '08:60', '08:5', '0800', ' 08:00', '08:00 ', 'ab:cd', ''])('refuses %j', (text) => {
    expect(() => timeOfDay(text)).toThrow(RangeError);
  });

  it('builds daily, weekly and monthly expressions', () => {
    expect(cronAt('08:00')).toBe('0 8 * * *');
    expect(cronAt('09:30', { weekday: 1 })).toBe('30 9 * * 1');
    expect(cronAt('07:05', { dayOfMonth: 1 })).toBe('5 7 1 * *');
  });
});
