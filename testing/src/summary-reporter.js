/**
 * Ends the run with one plain line, "N passed, N failed" (", N skipped" when any), which
 * tools that do not read jest's own summary understand.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
    // Printed at exit so that it is the last line, after jest's own summary.
    process.once('exit', () => process.stdout.write(`${line}\n`));
  }
}

module.exports = SummaryReporter;
