// Text the catalog and the checks' messages both print: one wording, one place.
import type { FixContext } from './entry.js'

/** The seed page's restart advice: a running process never picks up new tokens. */
export const RESTART_SURFACES =
  'Then restart whatever runs your agent, because a running process never picks up new tokens: ' +
  'CLI, just run it again; VS Code, **Cmd+Shift+P → Reload Window**; desktop app, quit it (**Cmd+Q**) and open it again.'

/**
 * The configure-aws-credentials step with GitHub OIDC. Its `aws-region` is the user's own region
 * when known (a fix changes only what it fixes: pasting it must not move the job to another
 * region), else a placeholder like the account and role beside it.
 */
export function configureCredentialsStep(region?: string): string {
  return [
    '```yaml',
    'permissions:',
    '  id-token: write   # lets the job request a GitHub OIDC token',
    '  contents: read',
    'steps:',
    '  - uses: aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c # v6.2.3',
    '    with:',
    '      role-to-assume: arn:aws:iam::<account-id>:role/<role-name>',
    `      aws-region: ${region && /^[a-z0-9-]+$/.test(region) ? region : '<region>'}`,
    '  - uses: org/bedrock-preflight@v1',
    '```'
  ].join('\n')
}

/**
 * Where a catalog fix tells the user to change the model, in the words of the face it runs on (a
 * catalog entry knows the face, not where the model was set): the flag, the input, and the agent's
 * own variable, which is what the agent itself reads.
 */
export function modelSettingWords(surface: FixContext['surface']): string {
  return surface === 'cli'
    ? 'the model you pass with `--model` (or the variable your agent reads: `BEDROCK_MODEL`, `ANTHROPIC_MODEL`)'
    : "the step's `model-id:` input (or the variable your agent reads: `BEDROCK_MODEL`, `ANTHROPIC_MODEL`)"
}
