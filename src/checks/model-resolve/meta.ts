import { defineMeta } from '../../engine/check.js'

// SKELETON: to be converted from src/checks/model-resolve.ts (old API).
export const meta = defineMeta({
  id: 'model-resolve',
  title: 'Model in region',
  description: 'TODO',
  scope: 'region-model',
  dependsOn: ['region', 'model-id', 'identity'],
  speculative: ['identity'],
  sdks: ['bedrock'],
  permissions: [],
  messages: {}
})
