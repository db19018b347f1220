import { describe, expect, test } from 'vitest';
import { createIntakePressure } from '../intakePressure';

describe('intake pressure', () => {
  test('when arrivals exceed the threshold within a second, then pressure is high until a quiet second passes', () => {
    let now = 0;
    const pressure = createIntakePressure(3, () => now);
    for (let i = 0; i < 3; i++) pressure.arrived();
    expect(pressure.high()).toBe(false);
    pressure.arrived();
    expect(pressure.high()).toBe(true);
    now = 1100; // the busy second is still the previous one
    expect(pressure.high()).toBe(true);
    now = 2200; // a full quiet second has passed
    expect(pressure.high()).toBe(false);
  });
});
