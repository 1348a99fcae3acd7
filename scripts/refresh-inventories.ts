/**
 * Refreshes the error inventories in src/catalog/inventory/ from the sources they were read in.
 * It needs local git mirrors (bare or not) of the repositories, and is run by hand, not in CI:
 *
 *   git clone --bare --filter=blob:none https://github.com/boto/botocore /tmp/src/boto+botocore
 *   … (one per repository named in sdk-messages.json)
 *   npx tsx scripts/refresh-inventories.ts --mirrors /tmp/src
 *
 * A mirror is looked up as `<mirrors>/<owner>+<name>` or `<mirrors>/<owner>+<name>/repo`.
 *
 * - aws-api-errors.json is rebuilt from botocore's API models: every error shape of every
 *   operation the agents and the preflight call (OPERATIONS below), and the exceptions an event
 *   stream can carry. A code keeps the catalog entry it was given; a new one gets `expected: null`,
 *   which fails __tests__/catalog/inventory.test.ts until someone names its entry.
 * - endpoint-rules.json is rebuilt from the same services' endpoint rule sets: the errors every
 *   generated SDK raises while resolving an endpoint (no region, dual-stack or FIPS refused).
 * - sdk-messages.json keeps its records (messages are read and classified by a person, each with
 *   its file): for each, the file is read again at the mirror's HEAD; a message still there gets
 *   the new commit, a message no longer there is listed so it can be re-read by hand. A record of
 *   an npm package (Claude Code, which publishes no source) is read again in the package's newest
 *   version, fetched with `npm pack`; one still there gets the new version and tarball SHA-1.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type {
  ApiErrorRecord,
  EndpointRuleRecord,
  SdkMessageRecord
} from '../src/catalog/inventory/records.js'

const INVENTORY = new URL('../src/catalog/inventory/', import.meta.url)

/** The operations the agents (Claude Code, the Anthropic SDKs, LiteLLM) and the preflight call. */
export const OPERATIONS: Record<string, { version: string; operations: string[] }> = {
  sts: {
    version: '2011-06-15',
    operations: ['GetCallerIdentity', 'AssumeRole', 'AssumeRoleWithWebIdentity', 'GetSessionToken']
  },
  sso: { version: '2019-06-10', operations: ['GetRoleCredentials'] },
  'sso-oidc': { version: '2019-06-10', operations: ['CreateToken'] },
  signin: { version: '2023-01-01', operations: ['CreateOAuth2Token'] },
  iam: {
    version: '2010-05-08',
    operations: [
      'GetRole',
      'SimulatePrincipalPolicy',
      'ListServiceSpecificCredentials',
      'CreateServiceSpecificCredential'
    ]
  },
  bedrock: {
    version: '2023-04-20',
    operations: [
      'GetFoundationModel',
      'GetFoundationModelAvailability',
      'ListFoundationModels',
      'GetInferenceProfile',
      'ListInferenceProfiles',
      'GetProvisionedModelThroughput',
      'GetUseCaseForModelAccess',
      'PutUseCaseForModelAccess',
      'CreateFoundationModelAgreement'
    ]
  },
  'bedrock-runtime': {
    version: '2023-09-30',
    operations: [
      'InvokeModel',
      'InvokeModelWithResponseStream',
      'Converse',
      'ConverseStream',
      'CountTokens'
    ]
  },
  'service-quotas': {
    version: '2019-06-24',
    operations: ['GetServiceQuota', 'GetAWSDefaultServiceQuota', 'ListServiceQuotas']
  }
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

function gitDirOf(mirrors: string, repo: string): string | undefined {
  const base = join(mirrors, repo.replace('/', '+'))
  for (const dir of [join(base, 'repo'), base, join(base, '.git')]) {
    if (existsSync(join(dir, 'HEAD'))) return dir
  }
  return undefined
}

const git = (dir: string, ...args: string[]): string =>
  execFileSync('git', ['--git-dir', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 })

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, INVENTORY), 'utf8')) as T
}

function writeJson(name: string, value: unknown): void {
  writeFileSync(new URL(name, INVENTORY), `${JSON.stringify(value, null, 2)}\n`)
}

interface ModelShape {
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean }
  exception?: boolean
  fault?: boolean
  eventstream?: boolean
  members?: Record<string, { shape: string }>
}
interface Model {
  operations: Record<string, { errors?: { shape: string }[]; output?: { shape: string } }>
  shapes: Record<string, ModelShape>
}

export function refreshApiErrors(gitDir: string): ApiErrorRecord[] {
  const commit = git(gitDir, 'rev-parse', 'HEAD').trim()
  const previous = new Map(
    (existsSync(new URL('aws-api-errors.json', INVENTORY))
      ? readJson<ApiErrorRecord[]>('aws-api-errors.json')
      : []
    ).map((r) => [`${r.service}:${r.code}`, r.expected])
  )
  const records = new Map<string, ApiErrorRecord>()
  for (const [service, { version, operations }] of Object.entries(OPERATIONS)) {
    const path = `botocore/data/${service}/${version}/service-2.json`
    const model = JSON.parse(git(gitDir, 'show', `HEAD:${path}`)) as Model
    const add = (name: string, operation: string): void => {
      const shape = model.shapes[name] ?? {}
      const code = shape.error?.code ?? name
      const key = `${service}:${code}`
      const record = records.get(key) ?? {
        sdk: 'aws-api-model' as const,
        repo: 'boto/botocore',
        path,
        commit,
        service,
        operations: [],
        code,
        shape: name,
        ...(shape.error?.httpStatusCode ? { httpStatus: shape.error.httpStatusCode } : {}),
        fault: shape.fault ? 'server' : 'client',
        expected: previous.get(key) ?? null
      }
      if (!record.operations.includes(operation)) record.operations.push(operation)
      records.set(key, record)
    }
    for (const op of operations) {
      const o = model.operations[op]
      if (!o) throw new Error(`${service}: no operation ${op} in ${path}`)
      for (const e of o.errors ?? []) add(e.shape, op)
      // Exceptions inside an event stream: members of the output's stream union that are errors.
      for (const member of Object.values(model.shapes[o.output?.shape ?? '']?.members ?? {})) {
        const stream = model.shapes[member.shape]
        if (!stream?.eventstream) continue
        for (const m of Object.values(stream.members ?? {})) {
          if (model.shapes[m.shape]?.exception) add(m.shape, `${op} stream`)
        }
      }
    }
  }
  return [...records.values()]
}

/**
 * The errors of the endpoint rule sets (`endpoint-rule-set-1.json`): every SDK generated from the
 * Smithy models (JavaScript v3, Java v2, Go v2, Rust, .NET v4, PHP, Ruby, botocore) runs these
 * rules and raises their `error` text as it is.
 */
export function refreshEndpointRules(gitDir: string): EndpointRuleRecord[] {
  const commit = git(gitDir, 'rev-parse', 'HEAD').trim()
  const previous = new Map(
    (existsSync(new URL('endpoint-rules.json', INVENTORY))
      ? readJson<EndpointRuleRecord[]>('endpoint-rules.json')
      : []
    ).map((r) => [r.message, r.expected])
  )
  const records = new Map<string, EndpointRuleRecord>()
  const walk = (node: unknown, found: Set<string>): void => {
    if (Array.isArray(node)) for (const n of node) walk(n, found)
    else if (node && typeof node === 'object') {
      const { error } = node as { error?: unknown }
      if (typeof error === 'string') found.add(error)
      for (const v of Object.values(node)) walk(v, found)
    }
  }
  for (const [service, { version }] of Object.entries(OPERATIONS)) {
    const path = `botocore/data/${service}/${version}/endpoint-rule-set-1.json`
    const found = new Set<string>()
    walk(JSON.parse(git(gitDir, 'show', `HEAD:${path}`)), found)
    for (const message of found) {
      const record = records.get(message) ?? {
        sdk: 'endpoint-rules' as const,
        repo: 'boto/botocore',
        path,
        commit,
        services: [],
        message,
        expected: previous.get(message) ?? null
      }
      record.services.push(service)
      records.set(message, record)
    }
  }
  return [...records.values()]
}

/** The literal part of a message, to find it in the source: the longest run without placeholders. */
function literalOf(message: string): string {
  return message
    .split(/%[sdvqwT]|\{\d*\}|\$\{[^}]*\}|\{[a-z_]*\}|#\{[^}]*\}|%\([a-z_]+\)s/)
    .reduce((a, b) => (b.length > a.length ? b : a), '')
    .trim()
}

/**
 * Source text with split string literals joined again: a message written over several lines
 * (`'…is '\n    'otherwise…'` in Python, `"…" +\n "…"` in Java and Go, f-strings) reads as one.
 */
function joinedLiterals(source: string): string {
  return source.replace(/(['"`])\s*(?:\+\s*)?(?:\r?\n\s*)?(?:\+\s*)?[fr]?(['"`])/g, (m, a, b) =>
    a === b ? '' : m
  )
}

interface PackedText {
  version: string
  shasum: string
  /** The package's files as text; a bundled binary (Claude Code's) as the strings in it. */
  text: string
}

/**
 * The newest published version of an npm package, read with npm's own client: Claude Code ships
 * its code only there (bundled into a binary per platform, `@anthropic-ai/claude-code-linux-x64`;
 * the GitHub repository holds no source). The records name the file and the tarball's SHA-1.
 */
function packedText(name: string): PackedText | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'inventory-'))
  try {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--json', `${name}@latest`], {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 1 << 24
      })
    ) as { filename: string; version: string; shasum: string }[]
    if (!packed) return undefined
    execFileSync('tar', ['xzf', packed.filename], { cwd: dir })
    const text = execFileSync('sh', ['-c', 'cat package/* 2>/dev/null | strings -n 8'], {
      cwd: dir,
      encoding: 'latin1',
      maxBuffer: 1 << 30
    })
    return { version: packed.version, shasum: packed.shasum, text }
  } catch {
    return undefined
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export function refreshSdkMessages(mirrors: string): {
  records: SdkMessageRecord[]
  gone: string[]
} {
  const records = readJson<SdkMessageRecord[]>('sdk-messages.json')
  const gone: string[] = []
  const packages = new Map<string, PackedText | undefined>()
  for (const r of records) {
    if (r.package) {
      if (!packages.has(r.package)) packages.set(r.package, packedText(r.package))
      const packed = packages.get(r.package)
      if (!packed) gone.push(`${r.package}: could not be packed (${r.message})`)
      else if (packed.text.includes(literalOf(r.message).slice(0, 60))) {
        Object.assign(r, { version: packed.version, shasum: packed.shasum })
      } else gone.push(`${r.package}@${packed.version}: "${r.message}" no longer there`)
      continue
    }
    if (!r.repo) continue
    const dir = gitDirOf(mirrors, r.repo)
    if (!dir) continue
    const commit = git(dir, 'rev-parse', 'HEAD').trim()
    let text = ''
    try {
      text = git(dir, 'show', `HEAD:${r.path}`)
    } catch {
      gone.push(`${r.repo}/${r.path}: file gone (${r.message})`)
      continue
    }
    if (joinedLiterals(text).includes(literalOf(r.message).slice(0, 60))) r.commit = commit
    else gone.push(`${r.repo}/${r.path}: "${r.message}" no longer there`)
  }
  return { records, gone }
}

function main(): void {
  const mirrors = argValue('--mirrors')
  if (!mirrors) {
    console.error('usage: tsx scripts/refresh-inventories.ts --mirrors <dir of git mirrors>')
    process.exit(2)
  }
  const botocore = gitDirOf(mirrors, 'boto/botocore')
  if (botocore) {
    const api = refreshApiErrors(botocore)
    writeJson('aws-api-errors.json', api)
    console.log(`aws-api-errors.json: ${api.length} codes`)
    const rules = refreshEndpointRules(botocore)
    writeJson('endpoint-rules.json', rules)
    console.log(`endpoint-rules.json: ${rules.length} messages`)
  } else console.log('no boto/botocore mirror: aws-api-errors.json left as it is')
  const { records, gone } = refreshSdkMessages(mirrors)
  writeJson('sdk-messages.json', records)
  console.log(`sdk-messages.json: ${records.length} messages, ${gone.length} to re-read by hand`)
  for (const g of gone) console.log(`  ${g}`)
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) main()
