import type { Finding, Report } from '../../src/engine/types.js'
import { countStatuses } from '../../src/engine/result.js'
import { reportOf } from '../harness/report.js'
import { verdictLine } from '../../src/render/labels.js'

function report(
  result: Report['result'],
  findings: Pick<Finding, 'checkId' | 'status' | 'catalogId' | 'cause'>[]
): Report {
  return reportOf(
    findings.map((f) => ({ ...f, title: f.checkId })),
    result,
    { tool: { name: 'bedrock-preflight', version: '0.0.0' } }
  )
}

describe('the verdict line', () => {
  it('says "can call" only when every check passed', () => {
    expect(verdictLine(report('pass', [{ checkId: 'identity', status: 'pass' }]))).toBe(
      'This job can call Claude on Amazon Bedrock: all 1 check passed'
    )
  })

  it('never says "probably" when the Bedrock reads were refused: it names what could not be verified', () => {
    const line = verdictLine(
      report('warn', [
        { checkId: 'identity', status: 'pass' },
        { checkId: 'model-resolve', status: 'unverified' },
        { checkId: 'model-access', status: 'unverified' },
        { checkId: 'model-access', status: 'unverified' }
      ])
    )
    expect(line).not.toMatch(/probably/)
    expect(line).toBe(
      "This job's access to Claude on Amazon Bedrock could not be verified by model-resolve, model-access (2 causes)"
    )
  })

  it('says "can call, with reservations" for warnings alone, and "cannot call" for a failure', () => {
    expect(verdictLine(report('warn', [{ checkId: 'model-resolve', status: 'warn' }]))).toBe(
      'This job can call Claude on Amazon Bedrock, with reservations: 1 cause'
    )
    expect(verdictLine(report('fail', [{ checkId: 'identity', status: 'fail' }]))).toBe(
      'This job cannot call Claude on Amazon Bedrock yet: 1 cause'
    )
  })

  it('names the read permissions the preflight was refused when that is what could not be verified', () => {
    const denied = (checkId: string, permission: string) => ({
      checkId,
      status: 'unverified' as const,
      catalogId: 'preflight-read-denied' as const,
      permission,
      cause: `The identity running the preflight may not call \`${permission}\`, so this could not be verified (it is not known to be broken).`
    })
    const line = verdictLine(
      report('warn', [
        { checkId: 'identity', status: 'pass' },
        denied('model-resolve', 'bedrock:GetInferenceProfile'),
        denied('invoke-permission', 'iam:SimulatePrincipalPolicy')
      ])
    )
    expect(line).toBe(
      "This job's access to Claude on Amazon Bedrock could not be verified by model-resolve, invoke-permission: the preflight may not call bedrock:GetInferenceProfile, iam:SimulatePrincipalPolicy (2 causes)"
    )
    expect(line).not.toMatch(/can call|cannot call/)
  })

  it('counts causes and the region × model pairs they cover, not findings', () => {
    const pair = (region: string, model: string, status: Finding['status']): Finding => ({
      checkId: 'invoke-permission',
      status,
      title: 'No policy allows it',
      subject: `${region} · ${model}`,
      scope: { region, model }
    })
    const findings = [
      pair('us-east-1', 'a', 'fail'),
      pair('us-east-1', 'b', 'fail'),
      pair('us-west-2', 'a', 'fail'),
      pair('us-west-2', 'b', 'pass'),
      {
        checkId: 'quota',
        status: 'warn' as const,
        title: 'Low',
        subject: 'us-west-2 · b',
        scope: { region: 'us-west-2', model: 'b' }
      }
    ]
    const r = { ...report('fail', []), findings, counts: countStatuses(findings) }
    expect(verdictLine(r)).toBe(
      'This job cannot call Claude on Amazon Bedrock yet: 2 causes (1 failing, 1 warning) across 4 region × model pairs'
    )
    const one = {
      ...r,
      findings: findings.slice(0, 4),
      counts: countStatuses(findings.slice(0, 4))
    }
    expect(verdictLine(one)).toBe(
      'This job cannot call Claude on Amazon Bedrock yet: 1 cause across 3 of 4 region × model pairs'
    )
  })

  it('never says "all checks passed" when a check was skipped', () => {
    const findings: Finding[] = [
      { checkId: 'identity', status: 'pass', title: 'ok' },
      { checkId: 'oidc-trust', status: 'skipped', title: 'not here' }
    ]
    const r = { ...report('pass', []), findings, counts: countStatuses(findings) }
    expect(verdictLine(r)).toBe(
      'This job can call Claude on Amazon Bedrock: 1 check passed, 1 skipped'
    )
  })
})
