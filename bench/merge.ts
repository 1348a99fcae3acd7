/**
 * The fleet's merge at scale: 1,000 reports (a 250-role fleet of 2 regions × 2 models each, four
 * nights' worth of jobs or a few orgs' fleets) laid out as download-artifact lays them out, merged
 * by the bundled CLI, then merged again against that result as the next night would be. Each
 * report is the shape a real run writes: 4 rows, 30 findings with their observed lines, the
 * observations; one in ten fails on a denied permission, one in fifty on credentials.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { spawnSync } from 'node:child_process'
import type { Finding, Report } from '../src/engine/types.js'

const PROBE = resolve('bench/probe.cjs')

const REGIONS = ['us-east-1', 'us-west-2']
const MODELS = [
  'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
  'us.anthropic.claude-haiku-4-5-20251001-v1:0'
]
const CHECKS = [
  'model-id',
  'model-resolve',
  'model-access',
  'invoke-permission',
  'quota',
  'invoke-probe',
  'region'
]

function reportOf(i: number): Report {
  const account = String(100000000000 + i)
  const findings: Finding[] = [
    { checkId: 'credentials', status: 'pass', title: 'Credentials from OIDC web identity' },
    { checkId: 'identity', status: 'pass', title: `Caller: assumed-role/github-bedrock-${i}` }
  ]
  for (const region of REGIONS) {
    for (const model of MODELS) {
      for (const checkId of CHECKS) {
        findings.push({
          checkId,
          subject: `${region} · ${model}`,
          status: 'pass',
          title: `${checkId} passed for ${model} in ${region}`,
          observed: [
            `profile ARN: arn:aws:bedrock:${region}:${account}:inference-profile/${model}`,
            'destination regions: us-east-1, us-east-2, us-west-2',
            'lifecycle: ACTIVE'
          ]
        })
      }
    }
  }
  if (i % 10 === 0) {
    const denied = findings.find((f) => f.checkId === 'invoke-permission')!
    denied.status = 'fail'
    denied.messageId = 'notGrantedViaProfile'
    denied.title = 'bedrock:InvokeModel is not granted on the inference profile'
    denied.cause =
      'No statement of the role allows bedrock:InvokeModel on the profile and the models it routes to.'
    denied.fix = `Attach this statement to the role:\n\n\`\`\`json\n${JSON.stringify({ Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: [`arn:aws:bedrock:us-east-1:${account}:inference-profile/*`] }, null, 2)}\n\`\`\``
  }
  if (i % 50 === 1) {
    findings[0] = {
      checkId: 'credentials',
      status: 'fail',
      messageId: 'noCredentials',
      title: 'No AWS credentials found'
    }
  }
  const fail = findings.filter((f) => f.status === 'fail').length
  return {
    schemaVersion: 1,
    tool: { name: 'bedrock-preflight', version: '1.0.0' },
    startedAt: new Date(Date.UTC(2026, 11, 7, 3, 41, i % 60)).toISOString(),
    durationMs: 900,
    result: fail > 0 ? 'fail' : 'pass',
    regions: REGIONS,
    models: MODELS,
    identity: {
      accountId: account,
      arn: `arn:aws:sts::${account}:assumed-role/github-bedrock-${i}/GitHubActions`
    },
    counts: { pass: findings.length - fail, warn: 0, fail, unverified: 0, skipped: 0 },
    findings,
    observations: REGIONS.flatMap((region) =>
      MODELS.map((model) => ({
        region,
        model,
        destinations: ['us-east-1', 'us-east-2', 'us-west-2'],
        lifecycle: { status: 'ACTIVE' },
        quotas: [
          {
            code: 'L-F4DDD3EB',
            name: 'Cross-region model inference tokens per minute',
            value: 200000,
            defaultValue: 200000
          },
          {
            code: 'L-4A6BFAB1',
            name: 'Cross-region model inference requests per minute',
            value: 200,
            defaultValue: 200
          }
        ]
      }))
    )
  }
}

/** DIR/reports/preflight-t<i>/report.json, as download-artifact lays out one artifact per target. */
export function writeReports(dir: string, count: number): number {
  let inputBytes = 0
  for (let i = 0; i < count; i++) {
    const at = join(dir, 'reports', `preflight-t${i}`)
    mkdirSync(at, { recursive: true })
    const text = JSON.stringify(reportOf(i), null, 2)
    inputBytes += text.length
    writeFileSync(join(at, 'report.json'), text)
  }
  return inputBytes
}

export interface MergeRun {
  wallMs: number
  cpuMs: number
  peakRssMb: number
  exitCode: number | null
  stdout: string
  summaryBytes: number
}

/** One `dist/cli.js merge` as the workflow runs it, with the probe's CPU time and peak RSS. */
function mergeOnce(distDir: string, dir: string, args: string[]): MergeRun {
  const probe = join(dir, 'probe.json')
  const summary = join(dir, 'summary.md')
  writeFileSync(summary, '')
  const started = Date.now()
  const run = spawnSync(process.execPath, [join(distDir, 'cli.js'), 'merge', ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_OPTIONS: `--require ${PROBE}`,
      BP_BENCH_PROBE_FILE: probe,
      GITHUB_STEP_SUMMARY: summary
    },
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8'
  })
  const wallMs = Date.now() - started
  const p = JSON.parse(readFileSync(probe, 'utf8')) as { maxRssKb: number; cpuMs: number }
  return {
    wallMs,
    cpuMs: p.cpuMs,
    peakRssMb: Math.round(p.maxRssKb / 1024),
    exitCode: run.status,
    stdout: run.stdout,
    summaryBytes: statSync(summary).size
  }
}

export interface MergeFigures {
  reports: number
  inputBytes: number
  first: MergeRun
  next: MergeRun
  mergedBytes: number
}

/** Writes `count` reports, merges them twice through dist/cli.js (the second with --previous). */
export function benchMerge(distDir: string, count = 1000): MergeFigures {
  const dir = mkdtempSync(join(tmpdir(), 'bp-bench-merge-'))
  try {
    const inputBytes = writeReports(dir, count)
    const first = mergeOnce(distDir, dir, ['--json', join(dir, 'reports')])
    writeFileSync(join(dir, 'merged.json'), first.stdout)
    const next = mergeOnce(distDir, dir, [
      '--json',
      '--previous',
      join(dir, 'merged.json'),
      join(dir, 'reports')
    ])
    return {
      reports: count,
      inputBytes,
      first,
      next,
      mergedBytes: statSync(join(dir, 'merged.json')).size
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Prints the figures beside their targets. */
export function printMergeFigures(distDir: string): void {
  const m = benchMerge(distDir)
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`
  const line = (r: MergeRun) =>
    `${r.cpuMs} ms CPU, ${r.wallMs} ms wall, ${r.peakRssMb} MB peak RSS, exit ${r.exitCode}`
  console.log(
    `\nMerging ${m.reports} reports (${mb(m.inputBytes)} of JSON) with dist/cli.js merge --json`
  )
  console.log(`  first merge                   ${line(m.first)}`)
  console.log(`  next merge, with --previous   ${line(m.next)}`)
  console.log(`  merged report                 ${mb(m.mergedBytes)}`)
  console.log(`  job summary (Markdown)        ${(m.next.summaryBytes / 1024).toFixed(0)} KB`)
  const cpu = Math.max(m.first.cpuMs, m.next.cpuMs)
  const rss = Math.max(m.first.peakRssMb, m.next.peakRssMb)
  const ok = (met: boolean) => (met ? 'pass      ' : 'FALL SHORT')
  console.log(
    `  ${ok(cpu <= 2000)}  ≤ 2 s of CPU per merge (exit 1 is by design: one report in ten fails)`
  )
  console.log(`  ${ok(rss <= 300)}  peak RSS ≤ 300 MB`)
  console.log(
    `  ${ok(m.mergedBytes <= 5 * 1024 * 1024)}  merged report ≤ 5 MB (the next run's input)`
  )
  console.log(
    `  ${ok(m.next.summaryBytes <= 1024 * 1024)}  summary within GitHub's 1 MiB step-summary limit`
  )
}
