import { fill, findingsFrom, type Reported } from '../../src/engine/messages.js'
import { defineMeta } from '../../src/engine/check.js'
import type { ObservedError } from '../../src/engine/types.js'

const meta = defineMeta({
  id: 'example',
  title: 'Example',
  description: 'a check for the message tests',
  scope: 'run',
  dependsOn: [],
  permissions: [],
  messages: {
    failed: { status: 'catalog', title: 'STS failed: {{code}}' },
    couldNotRead: { status: 'catalog', title: 'Could not read {{what}}' },
    own: {
      status: 'warn',
      title: 'Own words for {{what}}',
      cause: 'because',
      fix: { 'github-actions': 'in the workflow: {{what}}', cli: 'on the laptop: {{what}}' },
      doc: 'https://example.com/own'
    },
    named: { status: 'fail', catalog: 'region-missing', title: 'No region' }
  }
})

const report = (
  messageId: string,
  data: Record<string, string> = {},
  extra: Reported['extra'] = {}
): Reported => ({ messageId, data, extra, fixContext: { surface: 'github-actions' } })

const THROTTLED: ObservedError = {
  code: 'ThrottlingException',
  message: 'Too many requests, please wait before trying again.',
  attempts: 2,
  operation: 'sts:GetCallerIdentity',
  lastError: { code: 'TimeoutError', message: 'socket timed out' }
}

describe('turning reports into findings', () => {
  it('fills placeholders and leaves an unknown one visible', () => {
    expect(fill('{{a}} and {{b}}', { a: 1 })).toBe('1 and {{b}}')
  })

  it('explains an AWS error by the catalog: first error, attempts and the later one', async () => {
    const [f] = await findingsFrom(
      meta,
      [report('failed', { code: 'ThrottlingException' }, { error: THROTTLED })],
      'github-actions',
      undefined
    )
    expect(f).toMatchObject({
      checkId: 'example',
      messageId: 'failed',
      status: 'unverified',
      catalogId: 'throttled',
      title: 'STS failed: ThrottlingException'
    })
    expect(f?.observed?.[0]).toContain('(first of 2 attempts)')
    expect(f?.observed?.[1]).toContain('TimeoutError')
  })

  it('reports an unknown AWS answer as a failure with its code, never as a pass', async () => {
    const error = { code: 'BrandNewException', message: 'new' }
    const [f] = await findingsFrom(meta, [report('failed', { code: 'x' }, { error })], 'cli', 'x')
    expect(f?.status).toBe('fail')
    expect(f?.catalogId).toBeUndefined()
    expect(f?.cause).toContain('does not recognise')
    expect(f?.observed?.[0]).toContain('BrandNewException: new')
  })

  it('makes an unknown answer to a read of the preflight\'s own "could not verify", never a blame', async () => {
    const error = {
      code: 'BrandNewException',
      message: 'new',
      operation: 'servicequotas:ListServiceQuotas'
    }
    const [f] = await findingsFrom(
      meta,
      [
        report(
          'couldNotRead',
          { what: 'the quotas' },
          { error, permission: 'servicequotas:ListServiceQuotas' }
        )
      ],
      'cli',
      undefined
    )
    expect(f).toMatchObject({ status: 'unverified' })
    expect(f?.cause).toContain('does not recognise')
  })

  it('makes a denied read "could not verify", naming the permission', async () => {
    const error = { code: 'AccessDeniedException', message: 'User: x is not authorized' }
    const [f] = await findingsFrom(
      meta,
      [
        report(
          'couldNotRead',
          { what: 'the profile' },
          { error, permission: 'bedrock:GetInferenceProfile' }
        )
      ],
      'cli',
      undefined
    )
    expect(f).toMatchObject({ status: 'unverified', catalogId: 'preflight-read-denied' })
    expect(f?.fix).toContain('`bedrock:GetInferenceProfile`')
  })

  it("uses the message's own words, for the surface it runs on", async () => {
    const ci = await findingsFrom(meta, [report('own', { what: 'x' })], 'github-actions', undefined)
    const cli = await findingsFrom(meta, [report('own', { what: 'x' })], 'cli', undefined)
    expect(ci[0]).toMatchObject({
      status: 'warn',
      fix: 'in the workflow: x',
      docUrl: 'https://example.com/own'
    })
    expect(cli[0]?.fix).toBe('on the laptop: x')
    expect(ci[0]?.catalogId).toBeUndefined()
  })

  it('takes the wording of the catalog entry a state names, and carries its id', async () => {
    const [f] = await findingsFrom(meta, [report('named')], 'github-actions', undefined)
    expect(f).toMatchObject({ status: 'fail', catalogId: 'region-missing', title: 'No region' })
    expect(f?.fix).toContain('aws-region: us-east-1')
  })
})
