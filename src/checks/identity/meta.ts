import { defineMeta } from '../../engine/check.js'

// SKELETON: to be converted from src/checks/identity.ts (old API).
export const meta = defineMeta({
  id: 'identity',
  title: 'Caller identity',
  description: 'TODO',
  scope: 'run',
  dependsOn: ['credentials'],
  speculative: ['credentials'],
  gate: true,
  permissions: [],
  messages: {}
})
