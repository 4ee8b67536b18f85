#!/usr/bin/env node
// Prints the closing "N passed, N failed" line for CI from Vitest's JSON report. When the static
// checks (type check, core purity) failed before Vitest ran, there is no report: that is one failure.
import { existsSync, readFileSync } from 'node:fs';

const [reportPath, status] = process.argv.slice(2);
let passed = 0;
let failed = 0;
if (reportPath && existsSync(reportPath) && readFileSync(reportPath, 'utf8').trim() !== '') {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = report.numFailedTests ?? 0;
  // A file that failed to load has no tests in it but is a failure all the same.
  const brokenFiles = (report.testResults ?? []).filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0).length;
  failed += brokenFiles;
}
if (status !== '0' && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
