/** Kept in step with package.json by the package script (a test checks it). */
export const VERSION = '1.0.0'
