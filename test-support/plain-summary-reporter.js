/**
 * Closes jest's output with one plain line, "Tests: N passed, N failed, N skipped", after jest's own summary: the form
 * that CI reads to know how many tests ran (jest's own "Tests: N passed, N total" is not one it reads).
 */
export default class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    const skipped = numPendingTests + numTodoTests;
    process.stderr.write(`Tests: ${numPassedTests} passed, ${numFailedTests} failed, ${skipped} skipped\n`);
  }
}
