import { FixedWindow } from '../src/limits/window.js';

// Graph's limits count per window from the first request (https://learn.microsoft.com/graph/throttling-limits);
// the window must not be anchored at the process's start, whatever its clock reads when the first request comes.
test('a window opens at its first spend and lasts its whole length, however late on the clock that spend comes', () => {
  const fiveMinutes = 5 * 60_000;
  const window = new FixedWindow(fiveMinutes);
  expect(window.spend(fiveMinutes - 10, 100, 100)).toMatchObject({ allowed: true, used: 100 });
  expect(window.spend(fiveMinutes + 10, 1, 100)).toMatchObject({ allowed: false, used: 101 });
  expect(window.spend(2 * fiveMinutes - 11, 1, 100).allowed).toBe(false);
  expect(window.spend(2 * fiveMinutes - 10, 1, 100)).toMatchObject({ allowed: true, used: 1 });
});
