import { defineMeta } from '../../engine/check.js'

// SKELETON: to be converted from src/checks/model-access.ts (old API).
export const meta = defineMeta({
  id: 'model-access',
  title: 'Model access',
  description: 'TODO',
  scope: 'region-model',
  dependsOn: ['region', 'model-id', 'identity'],
  speculative: ['identity'],
  sdks: ['bedrock'],
  permissions: [],
  messages: {}
})
