import { defineMeta } from '../shared/check.js'
import { usesRuntime } from '../../parse/endpoint.js'
import { DocUrl } from '../../data/doc-url.js'

/** Parses each configured model identifier locally: no AWS call, so a typo is named at once. */
export const meta = defineMeta({
  id: 'model-id',
  title: 'Model identifier',
  description: 'Each `model-id` parses: model ID, inference-profile ID of any prefix, or ARN.',
  scope: 'model',
  dependsOn: [],
  permissions: [
    {
      action: 'bedrock:ListInferenceProfiles',
      statement: 'ReadBedrockModelState',
      why: 'with no model named only: the newest Claude Sonnet the region can call, the one checked'
    }
  ],
  // bedrock-runtime's: with `endpoint: mantle` the agent never calls it, so nothing here applies.
  applies: (config) => usesRuntime(config.endpoint?.value),
  messages: {
    parsed: { status: 'pass', title: '{{kind}}' },
    // No model named anywhere: this check's pre-plan step chose one (prepare.ts); say which and why.
    chosen: { status: 'pass', title: 'No model named: checking {{model}}, {{why}}' },
    // …and ListInferenceProfiles did not answer: the built-in fallback is checked instead.
    chosenUnverified: {
      status: 'unverified',
      title: 'No model named: checking {{model}}, {{why}}',
      cause:
        'No model is named (`model-id`, `BEDROCK_MODEL`, or a Claude Code model variable), so the preflight checks the newest Claude Sonnet that {{region}} can call, which it reads with ListInferenceProfiles. That read did not answer (the error is under Observed), so it checks the built-in fallback: a newer Sonnet may exist, and the agent may call another model.',
      fix: 'Name the model the job calls ({{nameModel}}), or allow `bedrock:ListInferenceProfiles` so the preflight can read which Sonnet is newest.',
      doc: DocUrl.profiles
    },
    newPrefix: {
      status: 'pass',
      title:
        '{{kind}} with prefix `{{prefix}}.`, which is newer than this version; model-resolve checks it with AWS'
    },
    regionlessArn: {
      status: 'warn',
      title:
        'Region-less foundation-model ARN: it belongs in IAM policies for global. profiles, not in the model setting',
      cause:
        '`arn:aws:bedrock:::foundation-model/…` is the resource IAM evaluates for the global hop of a `global.` inference profile; applications call the profile ID instead.',
      fix: 'Set {{setGlobal}} for global routing, or the geographic profile for your region (model-resolve names it).',
      doc: DocUrl.globalCris
    },
    malformed: {
      status: 'fail',
      catalog: 'model-id-format',
      title: 'Model identifier from {{source}} is not usable: {{problem}}',
      skips: 'the model identifier is not usable'
    },
    misspelt: {
      status: 'fail',
      catalog: 'model-id-format',
      title: 'Model identifier from {{source}} is not usable: {{problem}}',
      skips: 'the model identifier is misspelt',
      fix: 'Set {{setSuggestion}}. Copy IDs exactly from `aws bedrock list-inference-profiles` or `aws bedrock list-foundation-models`.'
    },
    unsupported: {
      status: 'unverified',
      title: 'Model identifier from {{source}}: {{problem}}',
      cause:
        'bedrock-preflight checks foundation models, system and application inference profiles and provisioned throughput; this kind of model is outside what it can verify.',
      fix: 'Nothing to change if the ARN is right; verify this model with a real call in your own job.',
      doc: DocUrl.profiles
    }
  }
})
