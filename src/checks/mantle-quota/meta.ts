import { defineMeta } from '../shared/check.js'
import { callsMantle } from '../../parse/endpoint.js'
import { API_KEY_ONLY } from '../shared/api-key-only.js'
import { DocUrl } from '../../data/doc-url.js'

/**
 * bedrock-mantle's own quotas, apart from the runtime's: tokens per minute per model and region,
 * input and output counted apart, no requests-per-minute quota (AWS UG `quotas-mantle`). They are
 * listed in Service Quotas under Amazon Bedrock (service code `bedrock`), "Bedrock Mantle input
 * tokens per minute for ${model}", for only some models: "Other models served on this endpoint
 * don't have per-account TPM quotas exposed in Service Quotas today".
 */
export const meta = defineMeta({
  id: 'mantle-quota',
  title: 'bedrock-mantle quota',
  description:
    "Mantle's own input and output tokens-per-minute quotas for the model are not 0 (where AWS lists them).",
  scope: 'region',
  dependsOn: ['region', 'identity'],
  speculative: ['identity'],
  uses: ['mantle-model'],
  sdks: ['servicequotas'],
  permissions: [
    {
      action: 'servicequotas:ListServiceQuotas',
      statement: 'ReadServiceQuotas',
      why: "bedrock-mantle's quotas, listed by name (endpoint mantle|both)"
    }
  ],
  applies: (config) => callsMantle(config),
  messages: {
    ok: {
      status: 'pass',
      title:
        'bedrock-mantle quotas for {{model}} in {{region}}: {{input}} input and {{output}} output tokens per minute'
    },
    zero: {
      status: 'fail',
      title: 'bedrock-mantle {{direction}} tokens per minute for {{model}} is 0 in {{region}}',
      cause:
        'Every request through bedrock-mantle is throttled (HTTP 429) before it starts: the input quota is checked against the input tokens plus `max_tokens`, the output quota against what is generated. A new account can start with reduced quotas.',
      fix: 'AWS: mantle "quota increase requests are not currently processed through the Service Quotas console"; ask through AWS Support (Service limit increase, Amazon Bedrock, quota "{{quota}}", region {{region}}), or use bedrock-runtime for this model (`endpoint: runtime`).',
      doc: DocUrl.mantleQuotas
    },
    belowOneCall: {
      status: 'warn',
      title:
        'bedrock-mantle input tokens per minute for {{model}} in {{region}} is {{value}}, below one call of {{needed}}',
      cause:
        'Mantle checks the input quota against the input tokens plus `max_tokens` of each request, so a request reserving more than the quota is throttled whatever the traffic.',
      fix: 'Lower the agent\'s `max_tokens`, or ask AWS Support for a higher "{{quota}}".',
      doc: DocUrl.mantleQuotas
    },
    notListed: {
      status: 'unverified',
      title: 'AWS lists no bedrock-mantle quota for {{model}} in {{region}}',
      cause:
        'AWS exposes mantle\'s per-account tokens-per-minute quotas in Service Quotas for only some models ("Other models served on this endpoint don\'t have per-account TPM quotas exposed in Service Quotas today"), so there is nothing to read for this one.',
      fix: '`invoke-probe: true` makes one real call through mantle, the conclusive test.',
      doc: DocUrl.mantleQuotas
    },
    partlyListed: {
      status: 'unverified',
      title:
        'AWS lists only half of the bedrock-mantle quotas for {{model}} in {{region}}: no {{missing}} tokens per minute',
      cause:
        'Mantle counts input and output tokens against two quotas; the listing has one of them for this model, so whether the other leaves room is not known.',
      fix: '`invoke-probe: true` makes one real call through mantle, the conclusive test.',
      doc: DocUrl.mantleQuotas
    },
    noModel: {
      status: 'unverified',
      title: 'bedrock-mantle quotas in {{region}} not checked: no model to check them for',
      cause:
        'No model the agent sends to mantle is named, and mantle-model has none to offer (see its row), so there is no model whose quotas to read.',
      fix: {
        'github-actions':
          'Name the model the agent calls (`model-id`, or its `ANTHROPIC_MODEL`), in mantle form (`anthropic.claude-…`), or follow the mantle-model row.',
        cli: 'Name the model the agent calls (`--model`, or its `ANTHROPIC_MODEL`), in mantle form (`anthropic.claude-…`), or follow the mantle-model row.'
      },
      doc: DocUrl.mantleQuotas
    },
    notRead: {
      status: 'catalog',
      title: 'Could not read the bedrock-mantle quotas of {{model}} in {{region}}'
    },
    needsCredentials: {
      status: 'unverified',
      title: 'bedrock-mantle quotas not checked: Service Quotas needs IAM credentials',
      ...API_KEY_ONLY
    }
  }
})
