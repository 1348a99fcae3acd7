import type { CheckRun } from '../../engine/check.js'
import type { meta } from './meta.js'

// SKELETON: to be converted from src/checks/model-access.ts (old API).
export const run: CheckRun<typeof meta.messages> = async () => {
  throw new Error('model-access: not converted yet')
}
