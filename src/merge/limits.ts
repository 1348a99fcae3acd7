/**
 * Bounds on untrusted input. A report of one job with 20 regions × 10 models is about 0.5 MB
 * (its findings carry policies and observed lines); four times that is refused, not parsed.
 */
export const MAX_REPORT_BYTES = 2 * 1024 * 1024
/** A fleet of 5,000 reports is far past what one org runs nightly (docs/fleet.md sizes jobs). */
export const MAX_REPORTS = 5000
export const MAX_TARGET_BYTES = 64 * 1024
/** The previous merged report: rows and causes of up to MAX_REPORTS reports. */
export const MAX_MERGED_BYTES = 64 * 1024 * 1024
/** How deep a directory argument is searched for report.json (download-artifact: DIR/<artifact>/report.json). */
export const MAX_DEPTH = 3
/** End of life within this many days is reported even when nothing moved (`--eol-days`). */
export const DEFAULT_EOL_DAYS = 30
