import { defineMeta } from '../shared/check.js'
import { API_KEY_ONLY } from '../shared/api-key-only.js'
import { usesRuntime } from '../../parse/endpoint.js'
import { DocUrl } from '../../data/doc-url.js'

const NEW_ACCOUNT_CAUSE =
  'The account has a quota of 0 for this model on the path its ID takes, so every call is throttled before it starts ("Too many tokens per minute" or "per day"). AWS: "New AWS accounts might receive reduced quotas", and the default quotas "might be updated depending on regional factors, payment history, fraudulent usage, and/or approval of a quota increase request".'

/** Does the account have quota for the model on the path its ID takes, before the first throttle? */
export const meta = defineMeta({
  id: 'quota',
  title: 'Quota',
  description:
    'The Service Quotas of the model on the path its ID takes (on-demand, cross-Region or global) are not 0 and fit one call: tokens per minute and per day.',
  scope: 'region-model',
  dependsOn: ['region', 'model-id', 'identity'],
  // The reads need only the credentials: they start while identity is still in flight.
  speculative: ['identity'],
  uses: ['model-resolve'],
  sdks: ['servicequotas'],
  permissions: [
    {
      action: 'servicequotas:GetServiceQuota',
      statement: 'ReadServiceQuotas',
      why: 'the applied value of each quota the call draws on'
    },
    {
      action: 'servicequotas:GetAWSDefaultServiceQuota',
      statement: 'ReadServiceQuotas',
      why: "AWS's default, to show an account that got less"
    },
    {
      action: 'servicequotas:ListServiceQuotas',
      statement: 'ReadServiceQuotas',
      why: 'finding the quotas of a model whose quota codes this version does not know'
    }
  ],
  // bedrock-runtime's: with `endpoint: mantle` the agent never calls it, so nothing here applies.
  applies: (config) => usesRuntime(config.endpoint?.value),
  messages: {
    within: { status: 'pass', title: '{{path}} quotas of {{model}} in {{region}}: {{summary}}' },
    provisioned: {
      status: 'pass',
      title: 'Provisioned throughput {{model}}: its model units set the capacity, not a token quota'
    },
    zero: {
      status: 'fail',
      title: '{{quota}} is 0 in {{region}}: every call of {{model}} {{path}} is throttled',
      cause: NEW_ACCOUNT_CAUSE,
      fix: 'Request an increase (or open the Service Quotas console, Amazon Bedrock, {{region}}, and search the quota name):\n\n```sh\naws service-quotas request-service-quota-increase --service-code bedrock --quota-code {{code}} --desired-value {{desired}} --region {{region}}\n```\n\nMeanwhile use a profile with capacity ({{alternative}}), and set `maxTokens` on each call so it reserves less than the model maximum.',
      doc: DocUrl.quotaIncrease
    },
    zeroNotAdjustable: {
      status: 'fail',
      title: '{{quota}} is 0 in {{region}}: every call of {{model}} {{path}} is throttled',
      cause: `${NEW_ACCOUNT_CAUSE} Service Quotas marks it not adjustable, so no request in the console can raise it.`,
      fix: 'Open an AWS Support case (Service limit increase, Amazon Bedrock, {{region}}) quoting the quota code `{{code}}` and the value you need ({{desired}}); until it is raised, use a profile with capacity ({{alternative}}).',
      doc: DocUrl.quotas
    },
    accountDailyZero: {
      status: 'fail',
      title:
        'Cross-Model Max Tokens Per Day is 0 in {{region}}: no model can be called there today',
      cause: `${NEW_ACCOUNT_CAUSE} This one is account-wide: it caps the tokens of every model in the region.`,
      fix: 'Open an AWS Support case (Service limit increase, Amazon Bedrock, {{region}}) quoting the quota code `{{code}}`, or use another region.',
      doc: DocUrl.quotas
    },
    belowOneCall: {
      status: 'warn',
      title: '{{quota}} is {{value}}, below the {{min}} tokens one call of {{model}} may reserve',
      cause:
        'Bedrock reserves the input tokens plus `maxTokens` against the per-minute quota when a call starts (an unset `maxTokens` reserves the model maximum), so a quota below that throttles even a single call.',
      fix: 'Set `maxTokens` on each call below {{value}} minus the prompt, or request an increase:\n\n```sh\naws service-quotas request-service-quota-increase --service-code bedrock --quota-code {{code}} --desired-value {{desired}} --region {{region}}\n```\n\n(The input `min-tokens-per-minute` sets what one call needs; now {{min}}.)',
      doc: DocUrl.quotaIncrease
    },
    noMatch: {
      status: 'unverified',
      title: 'No Service Quotas entry matched {{model}} {{path}} in {{region}} ({{metrics}})',
      cause:
        "Quota names follow the model's display name and change over time; none of the region's Bedrock quotas names this model on this path, so its quota could not be verified (it is not known to be 0).",
      fix: 'Look for the model in the Service Quotas console (Amazon Bedrock, {{region}}) and check its tokens-per-minute and per-day quotas; an invoke probe (`invoke-probe: true`) settles it with one call.',
      doc: DocUrl.quotas
    },
    longContextUnchecked: {
      status: 'unverified',
      title:
        '{{model}} is called with the 1M-token context ({{source}} ends in `[1m]`): no 1M Context Length quota of it is listed in {{region}} {{path}}',
      cause:
        'Service Quotas lists the 1M-context quotas of a model apart from its standard ones, and they apply to every call that uses the 1M-context beta, as the `[1m]` suffix makes Claude Code do. The listing of the region names none for this model on this path, so only the standard quotas were checked ({{summary}}); these calls may still be throttled or refused.',
      fix: 'Check the "… 1M Context Length" quotas of the model in the Service Quotas console (Amazon Bedrock, {{region}}) and request an increase where one is 0, or drop `[1m]` from the model setting to use the standard context.',
      doc: DocUrl.quotas
    },
    longContextZero: {
      status: 'fail',
      title:
        '{{quota}} is 0 in {{region}}: every 1M-context call of {{model}} is throttled ({{source}} ends in `[1m]`)',
      cause:
        "Service Quotas meters the calls that use the 1M-context beta, as the `[1m]` suffix makes Claude Code do, by the model's 1M Context Length quotas, apart from its standard ones ({{summary}}). This one is 0, so no such call can start.",
      fix: 'Request an increase:\n\n```sh\naws service-quotas request-service-quota-increase --service-code bedrock --quota-code {{code}} --desired-value {{desired}} --region {{region}}\n```\n\nor drop `[1m]` from {{source}} to use the standard context.',
      doc: DocUrl.quotaIncrease
    },
    longContextBelow: {
      status: 'warn',
      title:
        '{{quota}} is {{value}}, below the {{min}} tokens one 1M-context call of {{model}} may reserve',
      cause:
        'Calls with the 1M-context beta ({{source}} ends in `[1m]`) draw on this quota, not the standard one. Bedrock reserves the input tokens plus `max_tokens` against it when a call starts, so a quota below that throttles even a single call.',
      fix: 'Request an increase:\n\n```sh\naws service-quotas request-service-quota-increase --service-code bedrock --quota-code {{code}} --desired-value {{desired}} --region {{region}}\n```\n\nor lower CLAUDE_CODE_MAX_OUTPUT_TOKENS, or drop `[1m]` from {{source}}.',
      doc: DocUrl.quotaIncrease
    },
    longContextWithin: {
      status: 'pass',
      title:
        '{{model}} with the 1M-token context in {{region}}: {{quota}} is {{value}}, enough for the output budget of one call ({{min}}; a long call also reserves its input)'
    },
    needsCredentials: {
      status: 'unverified',
      title: 'Quotas of {{model}} in {{region}} not read: Service Quotas needs IAM credentials',
      ...API_KEY_ONLY
    },
    notRead: {
      status: 'catalog',
      title: 'Could not read the quotas of {{model}} in {{region}}'
    }
  }
})
