import { DocUrl } from '../data/doc-url.js'

/**
 * Where each check's page lives: docs/checks/<id>.md, written by `npm run docs` from the check's
 * README and meta. The one place its address is made, so the job summary, the terminal and the
 * generated docs all point at the same page.
 */

/** The repository's docs on its default branch, as the other links of the project give them. */

/** The folder of the check pages, relative to the repository's root. */
export const CHECK_PAGES_DIR = 'docs/checks'

/** A check's page, relative to the repository's root. */
export const checkDocPath = (checkId: string): string => `${CHECK_PAGES_DIR}/${checkId}.md`

/** A check's page on GitHub: the "About this check" link of each of its findings. */
export const checkDocUrl = (checkId: string): string => `${DocUrl.projectDocs}/checks/${checkId}.md`
