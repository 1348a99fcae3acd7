import { defineMeta } from '../../engine/check.js'

// SKELETON: to be converted from src/checks/oidc-trust.ts (old API).
export const meta = defineMeta({
  id: 'oidc-trust',
  title: 'OIDC trust',
  description: 'TODO',
  scope: 'oidc',
  dependsOn: [],
  sdks: ['iam'],
  permissions: [],
  messages: {}
})
