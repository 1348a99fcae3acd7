import { defineMeta } from '../shared/check.js'
import { callsMantle } from '../../parse/endpoint.js'
import { DocUrl } from '../../data/doc-url.js'

/**
 * The mantle door's real call: one Messages API request (`POST /anthropic/v1/messages`,
 * `max_tokens: 1`), signed as `bedrock-mantle` or with the Bedrock API key, as the agent's SDK
 * sends it. Opt-in with `invoke-probe: true`, because it is billed; every error is explained by
 * the catalog.
 */
export const meta = defineMeta({
  id: 'mantle-probe',
  title: 'Mantle probe',
  description:
    'Opt-in (`invoke-probe`): one real Messages API call through mantle, `max_tokens: 1` (billed, a fraction of a cent).',
  scope: 'region',
  dependsOn: ['region', 'identity', 'api-key'],
  // The IDs mantle-model found served; when it could not read the list, the probe still goes:
  // it is the conclusive test, and needs no read permission.
  uses: ['mantle-model'],
  permissions: [
    {
      action: 'bedrock-mantle:CreateInference',
      statement: 'OnlyWithMantleProbe',
      why: 'one real Messages API call with `max_tokens: 1`, only with `invoke-probe: true`'
    }
  ],
  applies: (config) => config.invokeProbe && callsMantle(config),
  messages: {
    answered: {
      status: 'pass',
      title:
        'bedrock-mantle answered {{model}} in {{region}} ({{ms}} ms; one billed call, a fraction of a cent)'
    },
    nothingToProbe: {
      status: 'unverified',
      title: 'No model to probe through bedrock-mantle in {{region}}',
      cause:
        'No model the agent sends to mantle is named, and mantle-model has none to offer (its list could not be read, or it found none served: see its row), so the probe has no ID to send.',
      fix: {
        'github-actions':
          'Name the model the agent calls (`model-id`, or its `ANTHROPIC_MODEL`), in mantle form (`anthropic.claude-…`).',
        cli: 'Name the model the agent calls (`--model`, or its `ANTHROPIC_MODEL`), in mantle form (`anthropic.claude-…`).'
      },
      doc: DocUrl.messagesApi
    },
    failed: {
      status: 'catalog',
      title:
        'The Messages API call to {{model}} through bedrock-mantle in {{region}} failed: {{what}}'
    }
  }
})
