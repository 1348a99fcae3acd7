import { defineMeta } from '../shared/check.js'
import { DocUrl } from '../../data/doc-url.js'

const SETTINGS_DOC = DocUrl.claudeCodeSettings
const PAGE = DocUrl.claudeCodePage

/**
 * What the agent's own configuration says, read the way the agent reads it (src/agent/): Claude
 * Code's settings files and this job's claude-code-action step. Values of credentials are never
 * shown; commands the settings name are never run.
 */
export const meta = defineMeta({
  id: 'agent-settings',
  title: "Agent's settings",
  description:
    "Claude Code's settings files and this job's claude-code-action step are read, so the models, regions and output budget the agent uses are the ones checked.",
  scope: 'run',
  dependsOn: [],
  permissions: [],
  applies: (config) => config.agent !== undefined,
  messages: {
    read: {
      status: 'pass',
      title: "{{what}}: the agent's models and region read from it"
    },
    invalid: {
      status: 'fail',
      title: '{{file}}: {{problem}}',
      cause:
        'Claude Code reads this settings file; as written it cannot be read, so what it sets (model, region, environment) is not what the agent uses, and this preflight cannot check it.',
      fix: 'Correct the file so it is one JSON object whose `env` values are strings (`jq . {{file}}` shows where it breaks).',
      doc: SETTINGS_DOC
    },
    helper: {
      status: 'warn',
      title: '{{file}}: {{key}} names a command the preflight does not run',
      cause:
        "Claude Code runs `{{key}}` to get or refresh its AWS credentials, so the agent's identity comes from that command. A settings file can be changed by a pull request: this preflight never runs a command it names, and checks the credentials of its own environment instead.",
      fix: 'Run the preflight with the credentials the command gives (the same profile or role), so its identity is the agent’s; in GitHub Actions prefer OIDC (aws-actions/configure-aws-credentials) over a refresh command.',
      doc: DocUrl.claudeCodeBedrockCredentials
    },
    keyIgnored: {
      status: 'warn',
      title: '{{file}}: {{key}} is not used by the preflight',
      cause:
        'A settings file configures the agent; it does not choose which files, programs or hosts the preflight uses. {{key}} is left out because {{why}}. Its value is not shown.',
      fix: "If the job really needs {{key}}, set it in the step's `env:`, where it is the workflow's choice rather than the file's; otherwise delete it.",
      doc: DocUrl.envFileSecurity
    },
    credential: {
      status: 'warn',
      title: '{{file}}: {{key}} holds a credential',
      cause:
        'Claude Code sends this credential with every call, so anyone who can read the settings file can call Bedrock as the agent. The preflight does not use it (it checks the credentials of its own environment) and never shows its value.',
      fix: 'Remove {{key}} from the settings file; give the job its credentials from a secret or, better, OIDC (aws-actions/configure-aws-credentials), and rotate the exposed one.',
      doc: DocUrl.claudeCodeBedrock
    },
    expression: {
      status: 'unverified',
      title: '{{where}} is an expression ({{expression}}): not checked',
      cause:
        'The runner evaluates the expression when the step starts; the preflight reads the workflow file as written and never guesses what it becomes, so the {{what}} the agent uses there is not checked.',
      fix: 'Give the preflight the same value: pass the expression to its matching input (`model-id`, `aws-region`) or set it in the job-level `env:`, which both steps read.',
      doc: PAGE
    },
    workflowUnread: {
      // Not a warning: most jobs without a checkout run no claude-code-action step, and turning
      // each of their runs to `warn` would blame a setup that works. Said once, result unchanged.
      status: 'skipped',
      title: "{{file}} {{problem}}: this job's agent step was not read",
      cause:
        "The preflight looks in the job's own workflow file for a claude-code-action step after it, to check the models that step's `claude_args` and `settings` name. The file could not be read, so only the environment and the settings files were checked.",
      fix: 'Run `actions/checkout` before the preflight so the workflow file is in the workspace.',
      doc: PAGE
    },
    notBedrock: {
      status: 'warn',
      title: '{{where}} does not use Bedrock',
      cause:
        'Without `use_bedrock: "true"` (or CLAUDE_CODE_USE_BEDROCK=1) claude-code-action calls the Anthropic API, not Bedrock: what this preflight checks is not what the agent calls.',
      fix: 'Add `use_bedrock: "true"` to the step\'s `with:`.',
      doc: DocUrl.claudeCodeActionProviders
    },
    serviceTierRefused: {
      status: 'fail',
      title:
        'ANTHROPIC_BEDROCK_SERVICE_TIER is {{value}} ({{source}}): not a service tier Bedrock accepts',
      cause:
        "Claude Code sends this value as the `X-Amzn-Bedrock-Service-Tier` header of every call, and Bedrock accepts only {{tiers}}, so each of the agent's calls is refused.",
      fix: 'Set ANTHROPIC_BEDROCK_SERVICE_TIER to one of {{tiers}} ({{source}}), or remove it to use the default tier.',
      doc: DocUrl.serviceTier
    },
    gatewayAuth: {
      status: 'unverified',
      title:
        "The agent's calls go unsigned to the gateway {{host}} ({{skip}}): its own access to Bedrock was not checked",
      cause:
        "With CLAUDE_CODE_SKIP_BEDROCK_AUTH, Claude Code signs nothing and sends its calls to ANTHROPIC_BEDROCK_BASE_URL ({{gateway}}); the gateway authenticates to Bedrock with its own credentials. This run's AWS checks test the credentials of the preflight's environment, which the agent does not use for these calls, so whether the gateway's identity may call the models is not known here.",
      fix: "Run the preflight where the gateway runs, with the gateway's own credentials (the same role), to check the identity that really calls Bedrock; the checks here still say what the account and region offer.",
      doc: DocUrl.claudeCodeGateway
    },
    skipWithoutGateway: {
      status: 'fail',
      title:
        "The agent's calls go unsigned to AWS ({{skip}}), which refuses them: no gateway in ANTHROPIC_BEDROCK_BASE_URL",
      cause:
        'With CLAUDE_CODE_SKIP_BEDROCK_AUTH, Claude Code signs none of its calls: it is meant for an LLM gateway that authenticates to Bedrock itself. Here {{target}}, so the calls go to AWS unsigned, and AWS refuses every call that carries neither a signature nor an API key. The AWS checks of this run use credentials the agent will not send.',
      fix: "If no gateway is meant to sign the agent's calls, let Claude Code sign them with the job's AWS credentials: {{remove}}\n\nIf an LLM gateway is, set ANTHROPIC_BEDROCK_BASE_URL to the gateway's https:// URL where {{skip}} is set.",
      doc: DocUrl.claudeCodeGateway
    },
    regionFromProfile: {
      status: 'warn',
      title:
        'No AWS_REGION for Claude Code: checked {{region}}, the region of {{source}}, which some Claude Code versions do not read',
      cause:
        'Claude Code\'s Bedrock page has said both that AWS_REGION is required ("Claude Code does not read from the .aws config file for this setting") and, later, that it is optional when the AWS profile sets a region. Which one the installed version follows decides the region its calls go to, so the region checked here may not be the agent\'s.',
      fix: "Set AWS_REGION={{region}} where Claude Code reads it (the `env` block of `.claude/settings.json`, or the job's `env:`), so every version calls the region this preflight checked.",
      doc: DocUrl.claudeCodeBedrock
    },
    awsConfigInvalid: {
      status: 'warn',
      title: '{{where}}: {{problem}}',
      cause:
        'The AWS SDKs, and Claude Code through them, read the active profile\'s region and credentials from this file when AWS_REGION is unset. The AWS CLI refuses a file it cannot parse ("Unable to parse config file"); the AWS SDK for JavaScript skips what it cannot read, so the profile may not set what its author meant. The region this preflight takes from the file, if any, is the one the JavaScript SDK reads despite this line.',
      fix: 'Correct {{where}}: a config file holds `[profile name]` (or `[default]`) headers and `key = value` lines; `aws configure list` shows what the CLI reads. Or set AWS_REGION for the job.',
      doc: DocUrl.awsConfigFile
    },
    outside: {
      status: 'warn',
      title: '{{where}} names {{path}}, outside the workspace: not read',
      cause:
        "The agent's settings may name a settings file; the preflight reads one only inside the workspace, so a workflow or settings change cannot make it read the runner's other files.",
      fix: 'Keep the settings file in the repository and name it by its path there (or pass the JSON inline).',
      doc: PAGE
    }
  }
})
