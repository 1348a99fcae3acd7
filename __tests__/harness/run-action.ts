/**
 * Runs the bundled action exactly as the GitHub runner does: `node dist/index.js` with INPUT_*
 * variables (upper-cased, hyphens kept), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files and
 * RUNNER_TEMP, in a clean environment that can reach nothing but the fake AWS on 127.0.0.1.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Report } from '../../src/engine/types.js'

export const DIST_DIR = resolve(process.env.BP_DIST_DIR ?? 'dist')
const GUARD = resolve('__tests__/harness/net-guard.cjs')
const PROBE = resolve('bench/probe.cjs')

/**
 * Distinctive fake secrets: every end-to-end test scans all output for them. The key ID pattern
 * is AWS's (AKIA/ASIA + 16); none of these values exist anywhere at AWS.
 */
export const FAKE = {
  accessKeyId: 'AKIAFAKEPREFLIGHT7QX',
  temporaryKeyId: 'ASIAFAKEPREFLIGHT7QZ',
  secretAccessKey: 'fAkEsEcReT/bedrockPreflight+0123456789abcdXYZ',
  sessionToken: 'FwoGZXIvYXdzEFakeSessionTokenBedrockPreflight0123456789abcdefghijklmnopqrstuv==',
  account: '111122223333'
} as const

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  title?: string
  file?: string
  line?: number
  message: string
}

export interface ActionRun {
  exitCode: number | null
  stdout: string
  stderr: string
  summary: string
  outputs: Record<string, string>
  annotations: Annotation[]
  report?: Report
  /** Every connection the child tried outside loopback (must stay empty). */
  blocked: string[]
  ms: number
  /** Peak resident set of the child (MB, the kernel's ru_maxrss), with `measureRss`. */
  peakRssMb?: number
  /** Values registered with `::add-mask::` (core.setSecret): the runner hides them from logs. */
  masked: string[]
  /** Every text the run produced, for secret scanning (the add-mask commands themselves excluded). */
  everything: string
}

export interface RunActionOptions {
  inputs?: Record<string, string>
  /** Extra environment (credentials, AWS_REGION, …). Nothing of the test process leaks in. */
  env?: Record<string, string | undefined>
  /** Endpoint variables of a running fake AWS. */
  endpoints?: Record<string, string>
  /** Files to create in the run's temporary home, path relative to it. */
  files?: Record<string, string>
  script?: 'index.js' | 'cli.js'
  /** Runs this file instead of a script of DIST_DIR (an installed package's bin). */
  scriptPath?: string
  /** Preloads bench/probe.cjs so the run's peak resident set comes back as `peakRssMb`. */
  measureRss?: boolean
  args?: string[]
  stdin?: string
  timeoutMs?: number
}

/** Parses the GITHUB_OUTPUT file (`name<<delimiter … delimiter` blocks). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '')
    if (m?.[1] && m[2]) {
      const value: string[] = []
      while (++i < lines.length && lines[i] !== m[2]) value.push(lines[i] ?? '')
      outputs[m[1]] = value.join('\n')
    } else {
      const kv = /^([^=]+)=(.*)$/.exec(lines[i] ?? '')
      if (kv?.[1]) outputs[kv[1]] = kv[2] ?? ''
    }
  }
  return outputs
}

function unescapeCommand(text: string): string {
  return text
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%')
}

/** Parses `::error title=…,file=…,line=…::message` workflow commands from stdout. */
export function parseAnnotations(stdout: string): Annotation[] {
  const out: Annotation[] = []
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!m) continue
    const props = Object.fromEntries(
      (m[2] ?? '')
        .split(',')
        .filter(Boolean)
        .map((kv) => {
          const eq = kv.indexOf('=')
          return [kv.slice(0, eq), unescapeCommand(kv.slice(eq + 1))]
        })
    )
    out.push({
      level: m[1] as Annotation['level'],
      message: unescapeCommand(m[3] ?? ''),
      ...(props.title ? { title: props.title } : {}),
      ...(props.file ? { file: props.file } : {}),
      ...(props.line ? { line: Number(props.line) } : {})
    })
  }
  return out
}

export async function runAction(options: RunActionOptions = {}): Promise<ActionRun> {
  const home = mkdtempSync(join(tmpdir(), 'bp-run-'))
  const outputFile = join(home, 'github_output')
  const summaryFile = join(home, 'step_summary')
  const guardLog = join(home, 'net-guard.log')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  for (const [rel, content] of Object.entries(options.files ?? {})) {
    const path = join(home, rel)
    mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true })
    writeFileSync(path, content)
  }
  const inputs = Object.fromEntries(
    Object.entries(options.inputs ?? {}).map(([k, v]) => [
      `INPUT_${k.replace(/ /g, '_').toUpperCase()}`,
      v
    ])
  )
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    RUNNER_TEMP: home,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: home,
    GITHUB_ACTIONS: 'true',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
    NODE_OPTIONS: `--require ${GUARD}`,
    BP_NET_GUARD_LOG: guardLog,
    ...(options.endpoints ?? {}),
    ...inputs
  }
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k]
    else env[k] = v
  }
  const probeFile = join(home, 'probe.json')
  if (options.measureRss) {
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${PROBE}`.trim()
    env.BP_BENCH_PROBE_FILE = probeFile
  }
  const script = options.scriptPath ?? join(DIST_DIR, options.script ?? 'index.js')
  const started = Date.now()
  const child = spawn(process.execPath, [script, ...(options.args ?? [])], { env, cwd: home })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  if (options.stdin !== undefined) child.stdin.end(options.stdin)
  else child.stdin.end()
  const exitCode = await new Promise<number | null>((resolveExit) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolveExit(code)
    })
  })
  const ms = Date.now() - started
  const summary = readFileSync(summaryFile, 'utf8')
  const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'))
  const reportText =
    outputs.report && existsSync(outputs.report) ? readFileSync(outputs.report, 'utf8') : undefined
  const blocked = existsSync(guardLog)
    ? readFileSync(guardLog, 'utf8').split('\n').filter(Boolean)
    : []
  const probe = existsSync(probeFile)
    ? (JSON.parse(readFileSync(probeFile, 'utf8')) as { maxRssKb?: number })
    : undefined
  rmSync(home, { recursive: true, force: true })
  const masked = stdout
    .split('\n')
    .filter((l) => l.startsWith('::add-mask::'))
    .map((l) => l.slice('::add-mask::'.length))
  const visibleStdout = stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  return {
    exitCode,
    stdout,
    stderr,
    summary,
    outputs,
    annotations: parseAnnotations(stdout),
    ...(reportText ? { report: JSON.parse(reportText) as Report } : {}),
    blocked,
    ms,
    ...(probe?.maxRssKb ? { peakRssMb: Math.round(probe.maxRssKb / 1024) } : {}),
    masked,
    everything: [visibleStdout, stderr, summary, JSON.stringify(outputs), reportText ?? ''].join(
      '\n'
    )
  }
}

/** The run's finding from one check, optionally for one subject (model, region, role). */
export function finding(run: ActionRun, checkId: string, subject?: string) {
  return run.report?.findings.find(
    (f) => f.checkId === checkId && (subject === undefined || f.subject === subject)
  )
}

/** Asserts no fake secret appears anywhere the run wrote. */
export function leakedSecrets(run: Pick<ActionRun, 'everything'>, extra: string[] = []): string[] {
  const secrets = [
    FAKE.accessKeyId,
    FAKE.temporaryKeyId,
    FAKE.secretAccessKey,
    FAKE.sessionToken,
    ...extra
  ]
  return secrets.filter((s) => run.everything.includes(s))
}
