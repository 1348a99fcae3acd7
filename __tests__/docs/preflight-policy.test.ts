/**
 * docs/preflight-policy.json is the policy the README tells users to attach to the job's role.
 * It must allow every AWS call the source makes (read from the imports of each AWS SDK client),
 * and nothing that writes: reads, sts:AssumeRole on named roles, and the opt-in probe's invoke.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

interface Statement {
  Sid: string
  Effect: string
  Action: string | string[]
  Resource: string | string[]
}
const policy = JSON.parse(readFileSync('docs/preflight-policy.json', 'utf8')) as {
  Version: string
  Statement: Statement[]
}
const list = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v])
const allowed = new Set(policy.Statement.flatMap((s) => list(s.Action)))

/** The IAM action each SDK command needs; `null` for calls that need no permission. */
const SERVICE_PREFIX: Record<string, string> = {
  '@aws-sdk/client-sts': 'sts',
  '@aws-sdk/client-iam': 'iam',
  '@aws-sdk/client-bedrock': 'bedrock',
  '@aws-sdk/client-bedrock-runtime': 'bedrock',
  '@aws-sdk/client-service-quotas': 'servicequotas'
}
const SPECIAL: Record<string, string | null> = {
  // "No permissions are required to perform this operation." (STS API reference)
  'sts:GetCallerIdentity': null,
  // Authenticated by the web identity token, not by AWS credentials.
  'sts:AssumeRoleWithWebIdentity': null,
  // Converse is authorised as InvokeModel, ConverseStream as InvokeModelWithResponseStream.
  'bedrock:Converse': 'bedrock:InvokeModel',
  'bedrock:ConverseStream': 'bedrock:InvokeModelWithResponseStream',
  // Only `facts --check`, the maintainers' drift watch with a role of its own (docs/facts.md),
  // never a preflight run.
  'bedrock:ListFoundationModels': null
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : []
  })
}

/**
 * `service:Operation` for every `new XCommand(` (or `new sdk.XCommand(`, for the SDK modules that
 * load on demand) whose class is imported or re-exported from an AWS SDK client.
 */
function callsInSource(): Map<string, string> {
  const files = sourceFiles('src').map((file) => ({ file, text: readFileSync(file, 'utf8') }))
  const calls = new Map<string, string>()
  for (const { file, text } of files) {
    for (const m of text.matchAll(
      /(?:import|export)\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'(@aws-sdk\/client-[\w-]+)'/g
    )) {
      const prefix = SERVICE_PREFIX[m[2] ?? '']
      if (!prefix) continue
      for (const name of (m[1] ?? '').split(',').map((n) => n.trim().split(/\s+as\s+/)[0] ?? '')) {
        if (!name.endsWith('Command')) continue
        const used = new RegExp(`new (?:[\\w.]+\\.)?${name}\\(`)
        const user = files.find((f) => used.test(f.text))
        if (user) calls.set(`${prefix}:${name.replace(/Command$/, '')}`, user.file ?? file)
      }
    }
  }
  return calls
}

describe('the preflight IAM policy in docs/preflight-policy.json', () => {
  it('is a valid identity policy with named statements', () => {
    expect(policy.Version).toBe('2012-10-17')
    for (const s of policy.Statement) {
      expect(s.Sid).toMatch(/^[A-Za-z0-9]+$/)
      expect(s.Effect).toBe('Allow')
    }
  })

  it('allows every AWS call the source makes', () => {
    const calls = callsInSource()
    expect(calls.size).toBeGreaterThan(3)
    const missing = [...calls]
      .map(([call, file]) => [call in SPECIAL ? SPECIAL[call] : call, file] as const)
      .filter(([action]) => typeof action === 'string' && !allowed.has(action))
      .map(([action, file]) => `${action} (${file})`)
    expect(missing).toEqual([])
  })

  it('allows nothing that writes: reads, sts:AssumeRole, and InvokeModelWithResponseStream only for the probe', () => {
    for (const s of policy.Statement) {
      for (const action of list(s.Action)) {
        if (action === 'sts:AssumeRole') continue
        // Only lets that discarded AssumeRole carry the session tags configure-aws-credentials sends.
        if (action === 'sts:TagSession') {
          expect(s.Sid).toBe('AssumeNamedRolesResultDiscarded')
          continue
        }
        if (action === 'bedrock:InvokeModelWithResponseStream') {
          expect(s.Sid).toBe('OnlyWithInvokeProbe')
          continue
        }
        if (action === 'bedrock-mantle:CreateInference') {
          expect(s.Sid).toBe('OnlyWithMantleProbe')
          continue
        }
        expect(action).toMatch(
          /^(bedrock|bedrock-mantle|iam|servicequotas):(Get|List|Simulate)[A-Za-z]+$/
        )
      }
    }
  })

  it('scopes IAM and STS actions to named roles, never to every resource', () => {
    for (const s of policy.Statement) {
      if (!list(s.Action).some((a) => a.startsWith('iam:') || a.startsWith('sts:'))) continue
      // Roles by name, and the IAM user behind a long-term Bedrock API key, by name (any user).
      for (const r of list(s.Resource))
        expect(r).toMatch(/^arn:aws:iam::<ACCOUNT_ID>:(role\/|user\/<API_KEY_USER_NAME>$)/)
    }
  })

  it('is the policy the README shows', () => {
    const readme = readFileSync('README.md', 'utf8')
    expect(readme).toContain(readFileSync('docs/preflight-policy.json', 'utf8').trim())
  })
})
