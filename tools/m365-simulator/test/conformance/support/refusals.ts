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

/**
 * Entra's documented error response (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow#error-response):
 * `error`, `error_description` with the AADSTS code and `\r\n` trace lines, and the rest.
 */
export function expectOAuthError(answer: RawExchange, status: number, error: string, code: number): void {
  expect(answer.status).toBe(status);
  expect(
    shapeDifferences(answer.body, {
      error: 'invalid_scope',
      error_description: 'AADSTS70011: …',
      error_codes: [70011],
      timestamp: 'YYYY-MM-DD HH:MM:SSZ',
      trace_id: '255d1aef-8c98-452f-ac51-23d051240864',
      correlation_id: 'fb3d2015-bc17-4bb9-bb85-30c5cf1aaaa7',
    }),
  ).toEqual([]);
  const body = answer.body as { error: string; error_description: string; error_codes: number[]; trace_id: string };
  expect(body.error).toBe(error);
  expect(body.error_codes).toEqual([code]);
  expect(body.error_description).toMatch(
    new RegExp(
      `^AADSTS${code}: .+\\r\\nTrace ID: ${body.trace_id}\\r\\nCorrelation ID: [0-9a-f-]{36}\\r\\nTimestamp: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ$`,
      's',
    ),
  );
}
