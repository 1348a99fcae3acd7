import type { Finding, Report } from '../../src/engine/types.js'
import { countStatuses } from '../../src/engine/result.js'
import { verdictLine } from '../../src/render/labels.js'

function report(
  result: Report['result'],
  findings: Pick<Finding, 'checkId' | 'status' | 'catalogId' | 'cause'>[]
): Report {
  const counts = countStatuses(findings.map((f) => ({ ...f, title: f.checkId })))
  return {
    schemaVersion: 1,
    tool: { name: 'bedrock-preflight', version: '0.0.0' },
    startedAt: '2026-01-01T00:00:00Z',
    durationMs: 1,
    result,
    regions: ['us-east-1'],
    models: ['us.anthropic.claude-sonnet-4-5-20250929-v1:0'],
    counts,
    findings: findings.map((f) => ({ ...f, title: f.checkId }))
  }
}

describe('the verdict line', () => {
  it('says "can call" only when every check passed', () => {
    expect(verdictLine(report('pass', [{ checkId: 'identity', status: 'pass' }]))).toBe(
      'This job can call Claude on Amazon Bedrock: all 1 checks passed'
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
      "This job's access to Claude on Amazon Bedrock could not be verified by model-resolve, model-access (3 could not be verified)"
    )
  })

  it('says "can call, with reservations" for warnings alone, and "cannot call" for a failure', () => {
    expect(verdictLine(report('warn', [{ checkId: 'model-resolve', status: 'warn' }]))).toBe(
      'This job can call Claude on Amazon Bedrock, with reservations (1 warning)'
    )
    expect(verdictLine(report('fail', [{ checkId: 'identity', status: 'fail' }]))).toBe(
      'This job cannot call Claude on Amazon Bedrock yet (1 failed)'
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
      "This job's access to Claude on Amazon Bedrock could not be verified by model-resolve, invoke-permission: the preflight may not call bedrock:GetInferenceProfile, iam:SimulatePrincipalPolicy (2 could not be verified)"
    )
    expect(line).not.toMatch(/can call|cannot call/)
  })
})
