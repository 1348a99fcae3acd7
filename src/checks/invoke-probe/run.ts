import type { CheckRun } from '../../engine/check.js'
import type { meta } from './meta.js'

// SKELETON: to be converted from src/checks/invoke-probe.ts (old API).
export const run: CheckRun<typeof meta.messages> = async () => {
  throw new Error('invoke-probe: not converted yet')
}
