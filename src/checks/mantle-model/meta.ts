import { defineMeta } from '../shared/check.js'
import { callsMantle } from '../../parse/endpoint.js'
import { DocUrl } from '../../data/doc-url.js'

/**
 * Does bedrock-mantle serve the agent's model in the region, under the ID the agent sends? Mantle
 * has its own lineup, per region and account, and its own ID form (bare `anthropic.<model>`), so
 * the runtime's catalog says nothing about it: the check asks mantle itself (`GET /v1/models`,
 * IAM action `bedrock-mantle:ListModels`), and suggests the ID mantle lists for the same model.
 */
export const meta = defineMeta({
  id: 'mantle-model',
  title: 'Model on bedrock-mantle',
  description:
    'Mantle serves the model in the region under the ID the agent sends (`GET /v1/models`).',
  scope: 'region',
  dependsOn: ['region', 'identity', 'api-key'],
  // The read starts alongside GetCallerIdentity; broken credentials, or a broken Bedrock API key
  // (which the read sends), discard its result.
  speculative: ['identity', 'api-key'],
  permissions: [
    {
      action: 'bedrock-mantle:ListModels',
      statement: 'ReadMantleModelsAndProject',
      why: 'which models bedrock-mantle serves in the region (endpoint mantle|both)'
    }
  ],
  applies: (config) => callsMantle(config),
  messages: {
    served: {
      status: 'pass',
      title: 'bedrock-mantle serves {{model}} in {{region}} (endpoint {{endpoint}} from {{source}})'
    },
    chosen: {
      status: 'pass',
      title:
        'No model named: {{model}}, the newest Claude Sonnet bedrock-mantle serves in {{region}}, is checked'
    },
    wrongForm: {
      status: 'fail',
      title:
        '{{given}} is not a bedrock-mantle model ID: mantle serves it in {{region}} as {{model}}',
      cause:
        'bedrock-mantle names models by bare IDs (`anthropic.<model>`, no `us.`/`global.` prefix, no `-v1:0` or date suffix); it answers the runtime form with HTTP 400 or 404 ("The model \'…\' does not exist").',
      fix: 'Give the agent the mantle ID: {{change}}.',
      doc: DocUrl.modelsGetInfo
    },
    notServed: {
      status: 'fail',
      title: 'bedrock-mantle does not serve {{model}} in {{region}}',
      cause:
        "bedrock-mantle serves its own lineup, per region (and per account): this model is not in what it lists here. Claude models that are on bedrock-runtime may be missing from mantle's list, and the reverse.",
      fix: 'Use a model mantle lists in {{region}} ({{claude}}), or another region where it is listed, or `endpoint: runtime` if the agent can call bedrock-runtime instead.',
      doc: DocUrl.modelsGetInfo
    },
    noClaude: {
      status: 'fail',
      title: 'bedrock-mantle serves no Claude model in {{region}}',
      cause:
        'The list of models bedrock-mantle serves in this region, for this account, has no `anthropic.` model.',
      fix: 'Use another region for mantle, or `endpoint: runtime`.',
      doc: DocUrl.modelsGetInfo
    },
    regionNotServed: {
      status: 'fail',
      title: 'bedrock-mantle has no endpoint in {{region}} ({{host}} does not resolve)',
      cause:
        'bedrock-mantle runs in fewer regions than bedrock-runtime; AWS lists {{regions}}. Its host does not exist in the others.',
      fix: 'Point the agent at a region that has bedrock-mantle (e.g. `AWS_REGION=us-east-1`), or use `endpoint: runtime` for this region.',
      doc: DocUrl.mantleRegions
    },
    badEndpoint: {
      status: 'fail',
      title: 'bedrock-mantle cannot be reached as configured for {{region}}: {{why}}',
      cause:
        'The URL the agent (or the job) gives for bedrock-mantle cannot be used: it is not a URL, or it is plain http: while a Bedrock API key would be sent to it.',
      fix: "Set it to `https://bedrock-mantle.<region>.api.aws/anthropic` (ANTHROPIC_BEDROCK_MANTLE_BASE_URL), or your gateway's https:// URL, or unset it.",
      doc: DocUrl.messagesApi
    },
    notRead: {
      status: 'catalog',
      title: 'Could not read which models bedrock-mantle serves in {{region}}'
    }
  }
})
