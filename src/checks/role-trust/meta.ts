import { defineMeta } from '../../engine/check.js'

// SKELETON: to be converted from src/checks/role-trust.ts (old API).
export const meta = defineMeta({
  id: 'role-trust',
  title: 'Role trust',
  description: 'TODO',
  scope: 'role',
  dependsOn: ['identity'],
  speculative: ['identity'],
  sdks: ['iam'],
  permissions: [],
  messages: {}
})
