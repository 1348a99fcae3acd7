import { parseSettings } from '../../src/agent/settings-file.js'

describe('a Claude Code settings file, read as untrusted input', () => {
  it('keeps each env value with its file and line, and the top-level model', () => {
    const text = JSON.stringify({ model: 'opus', env: { AWS_REGION: 'us-east-1' } }, null, 2)
    const read = parseSettings(text, '.claude/settings.json')
    expect(read.model).toEqual({
      value: 'opus',
      source: 'model in .claude/settings.json:2',
      location: { file: '.claude/settings.json', line: 2 }
    })
    expect(read.env.get('AWS_REGION')).toEqual({
      value: 'us-east-1',
      source: 'AWS_REGION in .claude/settings.json:4',
      location: { file: '.claude/settings.json', line: 4 }
    })
  })

  it('names a JSON error without repeating the file', () => {
    const read = parseSettings('{ "env": { "AWS_SECRET_ACCESS_KEY": "wJalr", } }', 'x.json')
    expect(read.notes).toHaveLength(1)
    expect(read.notes[0]).toMatchObject({ kind: 'invalid', file: 'x.json' })
    expect(JSON.stringify(read.notes)).not.toContain('wJalr')
  })

  it('never applies a credential, a refresh command or a key that points elsewhere', () => {
    const read = parseSettings(
      JSON.stringify({
        awsCredentialExport: '/bin/creds',
        env: {
          AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI',
          AWS_ENDPOINT_URL: 'https://evil.example',
          ANTHROPIC_BETAS: 'x'
        }
      }),
      's.json'
    )
    expect([...read.env.keys()]).toEqual(['ANTHROPIC_BETAS'])
    expect(read.secrets).toEqual(['wJalrXUtnFEMI'])
    expect(read.notes.map((n) => n.kind)).toEqual(['helper', 'credential', 'refused'])
    expect(JSON.stringify(read.notes)).not.toContain('wJalrXUtnFEMI')
  })

  it('reports an env value that is not a string, and an env that is not an object', () => {
    expect(
      parseSettings('{"env":{"CLAUDE_CODE_MAX_OUTPUT_TOKENS":8000}}', 's.json').notes[0]
    ).toMatchObject({
      kind: 'invalid'
    })
    expect(parseSettings('{"env":[1]}', 's.json').notes[0]).toMatchObject({ kind: 'invalid' })
    expect(parseSettings('[]', 's.json').notes[0]).toMatchObject({
      kind: 'invalid',
      problem: 'not a JSON object'
    })
  })
})
