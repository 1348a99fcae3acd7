import { defineMeta } from '../../engine/check.js'

// SKELETON: to be converted from src/checks/invoke-probe.ts (old API).
export const meta = defineMeta({
  id: 'invoke-probe',
  title: 'Invoke probe',
  description: 'TODO',
  scope: 'region-model',
  dependsOn: ['region', 'model-id', 'identity'],
  speculative: ['identity'],
  sdks: ['bedrock-runtime'],
  permissions: [],
  messages: {}
})
