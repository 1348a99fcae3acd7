/**
 * `explain` over texts users really pasted (__tests__/fixtures/pasted-errors.ts): at least 97%
 * must map to the cause named in their thread, and none may map to another specific cause. A
 * text the catalog cannot place may fall to nothing or to a generic entry (a bare error code),
 * which names no cause; a wrong specific entry would send the user to the wrong fix.
 */
import { allEntries, explainText, isGeneric } from '../../src/catalog/match.js'
import { PASTED_ERRORS } from '../fixtures/pasted-errors.js'

const REQUIRED_RATE = 0.97
const IDS = new Set(allEntries().map((e) => e.id))

const results = PASTED_ERRORS.map((p) => ({ ...p, got: explainText(p.text).entry }))

describe('explain on the pasted-errors corpus', () => {
  it('holds at least 150 texts, each with its source address and a catalog entry that exists', () => {
    expect(PASTED_ERRORS.length).toBeGreaterThanOrEqual(150)
    for (const p of PASTED_ERRORS) {
      expect(p.source).toMatch(/^https:\/\//)
      expect(IDS.has(p.expected)).toBe(true)
      expect(p.text.trim().length).toBeGreaterThan(0)
    }
  })

  it(`maps at least ${REQUIRED_RATE * 100}% of them to the expected cause`, () => {
    const right = results.filter((r) => r.got?.id === r.expected).length
    const rate = right / results.length
    const misses = results
      .filter((r) => r.got?.id !== r.expected)
      .map((r) => `${r.source}: expected ${r.expected}, got ${r.got?.id ?? 'nothing'}`)
    expect({ rate: rate >= REQUIRED_RATE, misses }).toEqual({
      rate: true,
      misses: expect.any(Array) as unknown
    })
    // Printed so the figure in the README can be checked: `npx jest pasted-errors --verbose`.
    process.stdout.write(
      `pasted-errors corpus: ${right}/${results.length} (${(rate * 100).toFixed(1)}%)\n`
    )
  })

  it('never names a wrong specific cause', () => {
    const wrong = results
      .filter((r) => r.got && r.got.id !== r.expected && !isGeneric(r.got))
      .map((r) => `${r.source}: expected ${r.expected}, got ${r.got?.id}`)
    expect(wrong).toEqual([])
  })

  it('covers every SDK family and tool the issue names', () => {
    const sources = PASTED_ERRORS.map((p) => p.source).join('\n')
    for (const repo of [
      'anthropics/claude-code',
      'BerriAI/litellm',
      'Aider-AI/aider',
      'cline/cline',
      'danny-avila/LibreChat',
      'langchain-ai/',
      'boto/',
      'aws/aws-cli',
      'aws-actions/configure-aws-credentials',
      'aws/aws-sdk-js'
    ]) {
      expect(sources).toContain(`https://github.com/${repo}`)
    }
  })
})
