import { PassThrough } from 'node:stream'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../src/cli/run.js'

function sink(): PassThrough & { text: () => string } {
  const stream = new PassThrough()
  let text = ''
  stream.on('data', (d: Buffer) => (text += d.toString()))
  return Object.assign(stream, { text: () => text })
}

let home: string
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'bp-cli-'))
})
afterEach(() => rmSync(home, { recursive: true, force: true }))

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = sink()
  const stderr = sink()
  const stdin = new PassThrough()
  stdin.end()
  const code = await main(argv, { stdout, stderr, stdin, env: { HOME: home } })
  return { code, stdout: stdout.text(), stderr: stderr.text() }
}

describe('the CLI core (in process)', () => {
  it('a missing --env-file is a usage error naming the flag and the file', async () => {
    const run = await cli(['--env-file', join(home, 'nope.env')])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(
      `bedrock-preflight: --env-file ${join(home, 'nope.env')} cannot be read: it does not exist\n`
    )
  })

  it('an unknown option is a usage error with a pointer to --help', async () => {
    const run = await cli(['--model-id', 'x'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('unknown option --model-id')
    expect(run.stderr).toContain('bedrock-preflight --help')
  })

  it('explain of an unknown text exits 1 and says so', async () => {
    const run = await cli(['explain', 'something else entirely'])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('not in the bedrock-preflight catalog')
  })
})
