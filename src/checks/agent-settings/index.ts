import { defineCheck } from '../../engine/check.js'
import { meta } from './meta.js'

export default defineCheck(meta, () => import('./run.js'))
