import { GraphError } from '../src/http/errors.js';
import { refuseUnsupportedQueryOptions } from '../src/http/query-options.js';

describe('refuseUnsupportedQueryOptions', () => {
  test('a route without a list takes any option', () => {
    expect(() => refuseUnsupportedQueryOptions(new URLSearchParams('$skip=1&$whatever=2'), undefined)).not.toThrow();
  });

  test('declared options pass, in any case; parameters without $ are not system query options', () => {
    expect(() =>
      refuseUnsupportedQueryOptions(new URLSearchParams('$SELECT=id&$top=2&changeType=created'), ['$select', '$top']),
    ).not.toThrow();
  });

  test('an undeclared option is refused with 400 BadRequest naming it', () => {
    let refused: unknown;
    try {
      refuseUnsupportedQueryOptions(new URLSearchParams('$select=id&$skip=5'), ['$select']);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(GraphError);
    expect(refused).toMatchObject({ status: 400, code: 'BadRequest', message: "Query option 'Skip' is not allowed." });
  });
});
