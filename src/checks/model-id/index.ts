import { defineCheck } from '../../engine/check.js'
import { meta } from './meta.js'
import { withDefaultModel } from './prepare.js'

export default defineCheck(meta, () => import('./run.js'), { prepare: withDefaultModel })
