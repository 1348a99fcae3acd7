import { defineMeta } from '../shared/check.js'
import { usesRuntime } from '../../parse/endpoint.js'
import { DocUrl } from '../../data/doc-url.js'

/**
 * One real call in the agent's shape, the only definitive test: it exercises IAM, SCPs, the
 * Marketplace subscription, the Anthropic form, entitlement, quotas and the agent's beta flags at
 * once. Opt-in (`invoke-probe: true`) because it is billed. Every error is explained by the catalog.
 */
export const meta = defineMeta({
  id: 'invoke-probe',
  title: 'Invoke probe',
  description:
    'Opt-in (`invoke-probe: true`): one real InvokeModelWithResponseStream call as Claude Code makes it (its beta flags, `max_tokens: 1`), billed: a fraction of a cent.',
  scope: 'region-model',
  dependsOn: ['region', 'model-id', 'identity', 'api-key'],
  // The call starts alongside GetCallerIdentity; broken credentials discard its result.
  speculative: ['identity'],
  sdks: ['bedrock-runtime'],
  permissions: [
    {
      action: 'bedrock:InvokeModelWithResponseStream',
      statement: 'OnlyWithInvokeProbe',
      why: "one real InvokeModelWithResponseStream call in the agent's shape with `max_tokens: 1`, only with `invoke-probe: true`"
    }
  ],
  applies: (config) => config.invokeProbe && usesRuntime(config.endpoint?.value),
  messages: {
    answered: {
      status: 'pass',
      title:
        'InvokeModelWithResponseStream with {{modelId}} answered in {{region}} ({{ms}} ms; one billed call, a fraction of a cent)'
    },
    // Bedrock read the request and refused a beta flag the agent sends: the setting that sends it.
    betaRefused: {
      status: 'fail',
      catalog: 'beta-flag-invalid',
      title:
        'Bedrock refused the beta flag {{flags}} the agent sends with {{modelId}} in {{region}}',
      cause:
        'Bedrock answered InvokeModelWithResponseStream with {{modelId}} "{{message}}": it does not accept {{flags}} for this model here. The agent sends it because of {{sources}}. Credentials, permissions and model access are fine: Bedrock read the request and refused the flag, and the agent\'s every call will be refused the same way.',
      fix: '{{stop}}'
    },
    // Bedrock refused a flag without naming it, and the agent sends two or more: any one may be it.
    oneBetaRefused: {
      status: 'fail',
      catalog: 'beta-flag-invalid',
      title:
        'Bedrock refused one of the beta flags {{flags}} the agent sends with {{modelId}} in {{region}}',
      cause:
        'Bedrock answered InvokeModelWithResponseStream with {{modelId}} "{{message}}": it does not accept at least one of {{flags}} for this model here, and does not say which. The agent sends them because of {{sources}}. Credentials, permissions and model access are fine: Bedrock read the request and refused a flag, and the agent\'s every call will be refused the same way.',
      fix: '{{stop}}'
    },
    // Bedrock refused the service tier the agent asks for: the setting that asks for it.
    tierRefused: {
      status: 'fail',
      catalog: 'service-tier-refused',
      title:
        'Bedrock refused the service tier {{tier}} the agent asks for with {{modelId}} in {{region}} ({{source}})',
      cause:
        'Bedrock answered InvokeModelWithResponseStream with {{modelId}} "{{message}}". Claude Code sends ANTHROPIC_BEDROCK_SERVICE_TIER ({{source}}) as the `X-Amzn-Bedrock-Service-Tier` header of every call, so every call of the agent\'s is refused the same way. Credentials, permissions and model access are fine.',
      fix: 'Ask for a tier Bedrock serves for this model here (one of {{tiers}}; `reserved` needs a capacity reservation for it), or use the default tier: {{remove}}',
      doc: DocUrl.serviceTier
    },
    // Whatever the runtime answered (a denial too: that is the probe's finding, not a missing
    // read permission), explained by the catalog.
    failed: {
      status: 'catalog',
      title: 'InvokeModelWithResponseStream with {{modelId}} in {{region}} failed: {{what}}'
    },
    // The answer began (HTTP 200), then its event stream carried an exception or ended early.
    streamFailed: {
      status: 'catalog',
      title:
        'InvokeModelWithResponseStream with {{modelId}} in {{region}} began answering, then its event stream failed: {{what}}'
    }
  }
})
