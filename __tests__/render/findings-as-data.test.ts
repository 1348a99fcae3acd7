import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { groupCauses } from '../../src/render/causes.js'
import type { Finding } from '../../src/engine/types.js'

// Findings carry their policies, lists and denied permissions as data (src/policy/fix-parts.ts):
// the renderers format them and never read our own Markdown or sentences back.
const RENDER = join(process.cwd(), 'src', 'render')
const sources = readdirSync(RENDER)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: readFileSync(join(RENDER, f), 'utf8') }))

describe('the renderers format findings, they do not parse them', () => {
  it('no renderer parses JSON out of a fix, or matches a regex against a fix, cause, title or detail', () => {
    const parsing = [
      /JSON\.parse\(/,
      /\/[^/\n]*```json[^/\n]*\//, // a regex literal over a fenced JSON block
      /\.(fix|cause|title|body)\b[^\n;]*\.(replace|match|matchAll|exec|test|search)\(/,
      /\.(exec|test|match)\([^)\n]*\.(fix|cause|title|body)\b/,
      /fencedPolicies|withoutPolicies|mergeFencedPolicies/
    ]
    const found = sources.flatMap(({ file, text }) =>
      parsing.filter((re) => re.test(text)).map((re) => `${file}: ${re.source}`)
    )
    expect(found).toEqual([])
    expect(existsSync(join(RENDER, 'merge-policy.ts'))).toBe(false)
  })

  it('two denied ARNs lists and two policies of one cause become one list and one policy', () => {
    const finding = (model: string): Finding => {
      const policy = {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'InvokeProfile',
            Effect: 'Allow' as const,
            Action: 'bedrock:InvokeModel',
            Resource: [`arn:aws:bedrock:us-east-1::foundation-model/${model}`]
          }
        ]
      }
      const block = `\`\`\`json\n${JSON.stringify(policy, null, 2)}\n\`\`\``
      return {
        checkId: 'invoke-permission',
        subject: `us-east-1 · ${model}`,
        messageId: 'notGranted',
        status: 'fail',
        title: 'not granted',
        fix: `Add:\n\n${block}`,
        fixParts: [{ text: 'Add:\n\n' }, { policy }],
        details: [{ title: 'Denied ARNs', body: `- \`${model}\``, items: [`\`${model}\``] }]
      }
    }
    const [cause] = groupCauses([finding('a'), finding('b')])
    expect(cause?.fix?.split('```json')).toHaveLength(2)
    expect(cause?.fix).toContain('"arn:aws:bedrock:us-east-1::foundation-model/a",')
    expect(cause?.fix).toContain('"arn:aws:bedrock:us-east-1::foundation-model/b"\n')
    expect(cause?.details).toEqual([{ title: 'Denied ARNs', body: '- `a`\n- `b`' }])
  })
})
