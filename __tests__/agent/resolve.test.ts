import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { resolveAgentProfile } from '../../src/agent/resolve.js'
import { readAgentStep, workflowPath } from '../../src/agent/workflow-step.js'

let home: string
let work: string
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'bp-agent-home-'))
  work = mkdtempSync(join(tmpdir(), 'bp-agent-work-'))
  mkdirSync(join(home, '.claude'))
  mkdirSync(join(work, '.claude'))
})
afterEach(() => {
  rmSync(home, { recursive: true, force: true })
  rmSync(work, { recursive: true, force: true })
})

const write = (path: string, env: Record<string, string>, extra: object = {}) =>
  writeFileSync(path, JSON.stringify({ ...extra, env }, null, 2))

describe("Claude Code's settings layers", () => {
  it('local project over shared project over user, key by key', () => {
    write(
      join(home, '.claude/settings.json'),
      { AWS_REGION: 'us-west-2', ANTHROPIC_MODEL: 'u' },
      { model: 'user-model' }
    )
    write(join(work, '.claude/settings.json'), { AWS_REGION: 'eu-west-1' })
    write(join(work, '.claude/settings.local.json'), { AWS_REGION: 'eu-central-1' })
    const { profile } = resolveAgentProfile({
      processEnv: { HOME: home },
      workspace: work,
      readVariables: new Set()
    })
    expect(profile.env.get('AWS_REGION')?.source).toBe(
      'AWS_REGION in .claude/settings.local.json:3'
    )
    expect(profile.env.get('ANTHROPIC_MODEL')?.source).toBe(
      'ANTHROPIC_MODEL in ~/.claude/settings.json:5'
    )
    expect(profile.settingsModel?.value).toBe('user-model')
    expect(profile.layers.map((l) => l.file)).toEqual([
      '.claude/settings.local.json',
      '.claude/settings.json',
      '~/.claude/settings.json'
    ])
  })

  it("the step's --settings JSON over the project's files, and a path outside the workspace never read", () => {
    write(join(work, '.claude/settings.json'), { AWS_REGION: 'eu-west-1' })
    const inputs = new Map([
      [
        'claude_args',
        {
          value: `--settings '{"env":{"AWS_REGION":"ap-northeast-1"}}'`,
          source: 'with.claude_args of step c (w.yml:9)'
        }
      ],
      ['settings', { value: '../../etc/passwd', source: 'with.settings of step c (w.yml:10)' }]
    ])
    const { profile } = resolveAgentProfile({
      processEnv: {},
      workspace: work,
      step: { step: 'step c (w.yml:7)', inputs, env: new Map(), notes: [] },
      readVariables: new Set()
    })
    expect(profile.env.get('AWS_REGION')?.value).toBe('ap-northeast-1')
    expect(profile.notes).toEqual([
      { kind: 'outside', where: 'with.settings of step c (w.yml:10)', path: '../../etc/passwd' },
      { kind: 'not-bedrock', where: 'step c (w.yml:7)' }
    ])
  })
})

describe("this job's agent step", () => {
  it('takes the path from GITHUB_WORKFLOW_REF, never outside the repository', () => {
    expect(workflowPath('o/r/.github/workflows/a.yml@refs/heads/main', 'o/r')).toBe(
      '.github/workflows/a.yml'
    )
    expect(workflowPath('o/r/../../etc/x.yml@refs/heads/main', 'o/r')).toBeUndefined()
  })

  it('finds the claude-code-action step after the preflight, with its env and claude_env', async () => {
    mkdirSync(join(work, '.github/workflows'), { recursive: true })
    writeFileSync(
      join(work, '.github/workflows/a.yml'),
      [
        'jobs:',
        '  j:',
        '    steps:',
        '      - uses: anthropics/claude-code-action@v1',
        '        with: { claude_args: --model before-the-preflight }',
        '      - uses: org/bedrock-preflight@v1',
        '      - uses: anthropics/claude-code-action@v1',
        '        env: { AWS_REGION: eu-west-1, SECRET: "${{ secrets.X }}" }',
        '        with:',
        '          use_bedrock: "true"',
        '          claude_env: |',
        '            ANTHROPIC_MODEL: eu.anthropic.claude-sonnet-4-6'
      ].join('\n')
    )
    const read = await readAgentStep({
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: work,
      GITHUB_JOB: 'j',
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_WORKFLOW_REF: 'o/r/.github/workflows/a.yml@refs/heads/main'
    })
    expect(read?.step).toBe('step anthropics/claude-code-action@v1 (.github/workflows/a.yml:7)')
    expect(read?.inputs.get('claude_args')).toBeUndefined()
    expect(read?.env.get('AWS_REGION')?.value).toBe('eu-west-1')
    expect(read?.env.get('ANTHROPIC_MODEL')?.value).toBe('eu.anthropic.claude-sonnet-4-6')
    expect(read?.notes).toEqual([expect.objectContaining({ kind: 'expression', what: 'SECRET' })])
  })
})
