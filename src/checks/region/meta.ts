import { defineMeta } from '../shared/check.js'
import { DocUrl } from '../../data/doc-url.js'

/** Is a region configured, and is it a region code? (The seed page's "Region not configured".) */
export const meta = defineMeta({
  id: 'region',
  title: 'Region',
  description: 'A region is configured and well formed (a list is allowed).',
  scope: 'region',
  dependsOn: [],
  permissions: [],
  messages: {
    configured: { status: 'pass', title: 'Region {{region}}' },
    // The SDK's own text for this is "Region is missing": the catalog explains both alike.
    missing: {
      status: 'catalog',
      catalog: 'region-missing',
      title: 'No AWS region configured',
      skips: 'needs an AWS region, and none is configured'
    },
    malformed: {
      status: 'catalog',
      catalog: 'region-invalid',
      title: 'Malformed region from {{source}}: {{problem}}',
      skips: 'the AWS region is malformed'
    },
    misspelt: {
      status: 'catalog',
      catalog: 'region-invalid',
      title: 'Malformed region from {{source}}: {{problem}}',
      skips: 'the AWS region is misspelt',
      fix: 'Did you mean `{{suggestion}}`? Set {{setSuggestion}}.'
    },
    unknown: {
      status: 'warn',
      title: 'Region {{region}} is not one this version knows',
      cause:
        'It has the shape of a region code but is not in the list of regions known when this version was built: a typo, or a region newer than this action.',
      fix: `Check the spelling against ${DocUrl.bedrockEndpoints}; if the region is new, ignore this warning.`,
      doc: DocUrl.bedrockEndpoints
    }
  }
})
