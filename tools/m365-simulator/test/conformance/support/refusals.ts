import { GRAPH_ERROR_SHAPE, shapeDifferences, type RawExchange } from './documented.js';

/** The answer is Graph's documented error (https://learn.microsoft.com/graph/errors): this status, the error shape, and the code and message given. */
export function expectGraphError(
  answer: RawExchange,
  status: number,
  error: { code?: string; message?: string | RegExp } = {},
): void {
  expect(answer.status).toBe(status);
  expect(shapeDifferences(answer.body, GRAPH_ERROR_SHAPE)).toEqual([]);
  const { code, message } = (answer.body as { error: { code: string; message: string } }).error;
  if (error.code !== undefined) expect(code).toBe(error.code);
  if (typeof error.message === 'string') expect(message).toBe(error.message);
  else if (error.message) expect(message).toMatch(error.message);
}
