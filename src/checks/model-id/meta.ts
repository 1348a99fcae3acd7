import { defineMeta } from '../../engine/check.js'

// SKELETON: to be converted from src/checks/model-id.ts (old API).
export const meta = defineMeta({
  id: 'model-id',
  title: 'Model identifier',
  description: 'TODO',
  scope: 'model',
  dependsOn: [],
  permissions: [],
  messages: {}
})
