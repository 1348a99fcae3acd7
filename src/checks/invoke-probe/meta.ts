import { defineMeta } from '../shared/check.js'
import { usesRuntime } from '../../parse/endpoint.js'

/**
 * One real call, the only definitive test: it exercises IAM, SCPs, the Marketplace subscription,
 * the Anthropic form, entitlement and quotas at once. Opt-in (`invoke-probe: true`) because it is
 * billed. Every error is explained by the catalog.
 */
export const meta = defineMeta({
  id: 'invoke-probe',
  title: 'Invoke probe',
  description:
    'Opt-in (`invoke-probe: true`): one real Converse call with `maxTokens: 1`, billed like any call: a fraction of a cent (about $0.00002 at Claude Haiku 4.5 list prices).',
  scope: 'region-model',
  dependsOn: ['region', 'model-id', 'identity', 'api-key'],
  // The call starts alongside GetCallerIdentity; broken credentials discard its result.
  speculative: ['identity'],
  sdks: ['bedrock-runtime'],
  permissions: [
    {
      action: 'bedrock:InvokeModel',
      statement: 'OnlyWithInvokeProbe',
      why: 'one real Converse call with `maxTokens: 1`, only with `invoke-probe: true`'
    }
  ],
  applies: (config) => config.invokeProbe && usesRuntime(config.endpoint?.value),
  messages: {
    answered: {
      status: 'pass',
      title:
        'Converse with {{modelId}} answered in {{region}} ({{ms}} ms; one billed call, a fraction of a cent)'
    },
    // Whatever the runtime answered (a denial too: that is the probe's finding, not a missing
    // read permission), explained by the catalog.
    failed: {
      status: 'catalog',
      title: 'Converse with {{modelId}} in {{region}} failed: {{what}}'
    }
  }
})
