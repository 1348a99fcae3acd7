import type { CheckRun } from '../../engine/check.js'
import type { meta } from './meta.js'

// SKELETON: to be converted from src/checks/oidc-trust.ts (old API).
export const run: CheckRun<typeof meta.messages> = async () => {
  throw new Error('oidc-trust: not converted yet')
}
