import { defineMeta } from '../../engine/check.js'

// SKELETON: to be converted from src/checks/credentials.ts (old API).
export const meta = defineMeta({
  id: 'credentials',
  title: 'Credential source',
  description: 'TODO',
  scope: 'run',
  dependsOn: [],
  permissions: [],
  messages: {}
})
