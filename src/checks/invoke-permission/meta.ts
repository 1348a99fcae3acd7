import { defineMeta } from '../../engine/check.js'

// SKELETON: to be converted from src/checks/invoke-permission.ts (old API).
export const meta = defineMeta({
  id: 'invoke-permission',
  title: 'Invoke permission',
  description: 'TODO',
  scope: 'region-model',
  dependsOn: ['region', 'model-id', 'identity'],
  speculative: ['identity'],
  sdks: ['iam'],
  permissions: [],
  messages: {}
})
