import { defineMeta } from '../../engine/check.js'

/** Parses each configured model identifier locally: no AWS call, so a typo is named at once. */
export const meta = defineMeta({
  id: 'model-id',
  title: 'Model identifier',
  description: 'Each `model-id` parses: model ID, inference-profile ID of any prefix, or ARN.',
  scope: 'model',
  dependsOn: [],
  permissions: [],
  messages: {
    parsed: { status: 'pass', title: '{{kind}}' },
    newPrefix: {
      status: 'pass',
      title:
        '{{kind}} with prefix `{{prefix}}.`, which is newer than this version; model-resolve checks it with AWS'
    },
    regionlessArn: {
      status: 'warn',
      title:
        'Region-less foundation-model ARN: it belongs in IAM policies for global. profiles, not in BEDROCK_MODEL',
      cause:
        '`arn:aws:bedrock:::foundation-model/…` is the resource IAM evaluates for the global hop of a `global.` inference profile; applications call the profile ID instead.',
      fix: 'Use `BEDROCK_MODEL=global.{{model}}` for global routing, or the geographic profile for your region (model-resolve names it).',
      doc: 'https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html'
    },
    malformed: {
      status: 'fail',
      catalog: 'model-id-format',
      title: 'Model identifier from {{source}} is not usable: {{problem}}'
    },
    misspelt: {
      status: 'fail',
      catalog: 'model-id-format',
      title: 'Model identifier from {{source}} is not usable: {{problem}}',
      fix: 'Use `BEDROCK_MODEL={{suggestion}}` (action input `model-id: {{suggestion}}`). Copy IDs exactly from `aws bedrock list-inference-profiles` or `aws bedrock list-foundation-models`.'
    },
    unsupported: {
      status: 'unverified',
      title: 'Model identifier from {{source}}: {{problem}}',
      cause:
        'bedrock-preflight checks foundation models, system and application inference profiles and provisioned throughput; this kind of model is outside what it can verify.',
      fix: 'Nothing to change if the ARN is right; verify this model with a real call in your own job.',
      doc: 'https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html'
    }
  }
})
