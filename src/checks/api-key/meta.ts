import { defineMeta } from '../shared/check.js'
import { DocUrl } from '../../data/doc-url.js'

/** How to make a new key: with AWS's generator and the credentials at hand, or in the console. */
const GENERATE =
  "node -e \"require('@aws/bedrock-token-generator').getTokenProvider({ region: '{{region}}' })().then((t) => process.stdout.write(t))\""
const NEW_KEY = {
  'github-actions': `Make a short-term key in the job, right after \`aws-actions/configure-aws-credentials\`, instead of storing one:\n\n\`\`\`yaml\n- name: Bedrock API key\n  run: |\n    npm install --no-save @aws/bedrock-token-generator\n    key="$(${GENERATE})"\n    echo "::add-mask::$key"\n    echo "AWS_BEARER_TOKEN_BEDROCK=$key" >> "$GITHUB_ENV"\n\`\`\`\n\nA long-term key from the Bedrock console (region {{region}} → API keys) belongs in a repository secret.`,
  cli: `Make a new one for {{region}} with your current credentials (AWS's generator, \`npm install --no-save @aws/bedrock-token-generator\` first):\n\n\`\`\`sh\nexport AWS_BEARER_TOKEN_BEDROCK="$(${GENERATE})"\n\`\`\`\n\nor in the Bedrock console (region {{region}} → API keys → Generate short-term API keys); then restart the tool that reads it.`
} as const

/**
 * A Bedrock API key (`AWS_BEARER_TOKEN_BEDROCK` or the `bedrock-api-key` input), read offline:
 * its kind, region, expiry and owner, and which authentication each of the preflight's clients
 * uses because of it.
 */
export const meta = defineMeta({
  id: 'api-key',
  title: 'Bedrock API key',
  description:
    'The Bedrock API key the agent would send (`AWS_BEARER_TOKEN_BEDROCK`) is well formed, unexpired and for this region; says which calls use it and which use IAM credentials.',
  scope: 'region',
  dependsOn: ['region'],
  uses: ['identity'],
  permissions: [],
  applies: (config) => config.bedrockApiKey !== undefined,
  messages: {
    shortTerm: {
      status: 'pass',
      title: 'Short-term Bedrock API key for {{region}} from {{source}}, valid for {{left}}'
    },
    longTerm: {
      status: 'pass',
      title: 'Long-term Bedrock API key of IAM user {{user}} (account {{account}}) from {{source}}'
    },
    expiresSoon: {
      status: 'warn',
      title: 'The Bedrock API key from {{source}} expires in {{left}}',
      cause:
        'A short-term key ends with the session that signed it, at most 12 hours after it was made; anything after this step that runs longer fails with "Authentication failed: Please make sure your API Key is valid."',
      fix: NEW_KEY,
      doc: DocUrl.apiKeysHow
    },
    expired: {
      status: 'fail',
      catalog: 'bedrock-api-key-rejected',
      title: 'The Bedrock API key from {{source}} expired {{ago}} ago',
      skips: 'the Bedrock API key has expired',
      fix: NEW_KEY
    },
    otherRegion: {
      status: 'fail',
      catalog: 'bedrock-api-key-rejected',
      title:
        'The Bedrock API key from {{source}} is for {{keyRegion}}, but this job calls Bedrock in {{region}}',
      skips: 'the Bedrock API key is for another region',
      cause:
        'A short-term key is a presigned request for one region and works only there: Bedrock in {{region}} answers "Authentication failed: Please make sure your API Key is valid."',
      fix: {
        'github-actions': `Call Bedrock in {{keyRegion}} ({{setKeyRegion}}), or make the key for {{region}}. ${NEW_KEY['github-actions']}`,
        cli: `Call Bedrock in {{keyRegion}} ({{setKeyRegion}}), or make the key for {{region}}. ${NEW_KEY.cli}`
      }
    },
    malformed: {
      status: 'fail',
      catalog: 'bedrock-api-key-format',
      title: 'The value in {{source}} is not a Bedrock API key: {{problem}}',
      skips: 'the Bedrock API key is malformed'
    },
    keyOnly: {
      status: 'pass',
      title:
        'Bedrock and Bedrock Runtime calls use the API key; there are no IAM credentials for the rest'
    },
    keyAndCredentials: {
      status: 'warn',
      title: 'The agent will call Bedrock with the API key, not with {{credentials}}',
      cause:
        'With `AWS_BEARER_TOKEN_BEDROCK` set, the AWS SDKs (and Claude Code) send the key to Bedrock in preference to the IAM credentials, so the key decides what the agent may call; the credentials are still used for everything else (STS, IAM, Service Quotas). The checks below say which of the two each of them describes.',
      fix: 'If the agent is meant to use the role, unset `AWS_BEARER_TOKEN_BEDROCK` for it (the workflow `env:`, the `.env` file); if it is meant to use the key, nothing to change.',
      doc: DocUrl.apiKeysUse
    }
  }
})
