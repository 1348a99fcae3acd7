// Prints the suite's totals as one plain line ("N passed, N failed, N skipped") at the very end,
// the form CI systems read to tell a run that tested something from one that tested nothing.
'use strict'
class ClosingLineReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests
    process.stdout.write(
      `\njest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`
    )
  }
}
module.exports = ClosingLineReporter
