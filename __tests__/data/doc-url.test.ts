/**
 * Every documentation address lives once, in src/data/doc-url.ts (as codeql-action's
 * `src/doc-url.ts`): a moved page is changed in one place. This reads every string, template and
 * regular expression literal under src/ (comments citing a source are not literals) and fails on
 * an https address anywhere else that is not one of the exempt, non-documentation addresses.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { DocUrl } from '../../src/data/doc-url.js'

const SRC = join(import.meta.dirname, '../../src')
const TABLE = 'data/doc-url.ts'

/** Addresses that are not pages to read, each with why. */
const NOT_DOCUMENTATION: readonly { host: RegExp; why: string }[] = [
  {
    host: /^(?![a-z0-9])/i,
    why: 'no host: the scheme alone, a host filled in at run time (`https://${host}`), a placeholder (`https://…`) or an alternative in a pattern (`https:\\/\\/|Name`)'
  },
  {
    host: /^bedrock(-runtime|-mantle)?(\.|$)/,
    why: 'a Bedrock endpoint (a service, not a page), or a pattern matching one in an error text'
  },
  { host: /^token\.actions\.githubusercontent\.com$/, why: "GitHub's OIDC issuer URL" }
]

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : []
  )
}

/** The https addresses written in a file's literals, with their line. */
function addressesIn(file: string, text: string): { line: number; url: string }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const found: { line: number; url: string }[] = []
  const visit = (node: ts.Node): void => {
    const parts: string[] = []
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) parts.push(node.text)
    else if (ts.isTemplateExpression(node)) {
      parts.push(node.head.text, ...node.templateSpans.map((s) => s.literal.text))
    } else if (ts.isRegularExpressionLiteral(node)) parts.push(node.text)
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1
    for (const part of parts) {
      for (const m of part.matchAll(/https:(?:\\?\/){2}[^\s'"`)>\]]*/g))
        found.push({ line, url: m[0] })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** The host, read through a regular expression's escapes (`https:\/\/bedrock-mantle\.`). */
const hostOf = (url: string): string =>
  /^https:\/\/([^/:]*)/.exec(url.replace(/\\/g, ''))?.[1] ?? ''
const isDocumentation = (url: string): boolean =>
  !NOT_DOCUMENTATION.some((e) => e.host.test(hostOf(url)))

describe('documentation addresses', () => {
  it('are written only in src/data/doc-url.ts', () => {
    const raw = sourceFiles(SRC)
      .filter((f) => relative(SRC, f) !== TABLE)
      .flatMap((f) =>
        addressesIn(f, readFileSync(f, 'utf8'))
          .filter((a) => isDocumentation(a.url))
          .map((a) => `src/${relative(SRC, f)}:${a.line}: ${a.url}`)
      )
    expect(raw).toEqual([])
  })

  it('are each written once in the table', () => {
    const urls = Object.values(DocUrl)
    expect(new Set(urls).size).toBe(urls.length)
    for (const url of urls) expect(url).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+(\/|$)/)
  })

  it('a planted raw address is caught, a comment citing one and an endpoint are not', () => {
    const planted = [
      '// Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html',
      "const doc = 'https://docs.aws.amazon.com/bedrock/latest/userguide/quotas.html'",
      'const url = `https://bedrock-mantle.${region}.api.aws/v1/models`',
      "const issuer = 'https://token.actions.githubusercontent.com'",
      'const pattern = /(?:https:\\/\\/|Name)/'
    ].join('\n')
    const caught = addressesIn('planted.ts', planted).filter((a) => isDocumentation(a.url))
    expect(caught).toEqual([
      { line: 2, url: 'https://docs.aws.amazon.com/bedrock/latest/userguide/quotas.html' }
    ])
  })
})
