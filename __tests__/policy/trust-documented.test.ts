/**
 * The table of documented answers (trust-documented.cases.ts): the preflight's evaluator must
 * give every one exactly; the independent oracle (@cloud-copilot/iam-simulate, dev-only) must
 * agree on every decided case except the ones listed in ORACLE_DIVERGES, where the oracle departs
 * from the page cited.
 */
import { isMultivaluedKey } from '../../src/policy/conditions.js'
import { evaluateTrustPolicy, identityPolicyRequired } from '../../src/policy/trust-policy.js'
import { oracle } from './iam-oracle.js'
import {
  CALLERS,
  DOCUMENTED_CASES,
  TARGET,
  A,
  type DocumentedCase
} from './trust-documented.cases.js'

const VARIABLES_IN_ARNS =
  'Variables page: "You can use a policy variable for Condition values in any condition that involves the string operators or the ARN operators"'
const SPECIAL_CHARACTERS =
  'Variables page: "These predefined policy variables can be used in any string where you can use regular policy variables"'

/** Cases where the oracle gives another answer than the AWS page the case cites. */
const ORACLE_DIVERGES: Record<string, string> = {
  ...Object.fromEntries(
    ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike'].map((op) => [
      `${op} arn:aws:iam::\${aws:PrincipalAccount}:role/ci against arn:aws:iam::111122223333:role/ci`,
      VARIABLES_IN_ARNS
    ])
  ),
  'StringEquals aws:PrincipalTag/dollar a${$}b': SPECIAL_CHARACTERS,
  'StringEquals aws:PrincipalTag/glob a${*}b': SPECIAL_CHARACTERS,
  'StringNotEquals aws:PrincipalTag/team ${aws:username}':
    'Variables page: "Inverted condition operators like StringNotEquals or StringNotLike do match against a null value"',
  'StringNotLike aws:PrincipalTag/team ${aws:PrincipalTag/none}*':
    'Variables page: "Inverted condition operators like StringNotEquals or StringNotLike do match against a null value"'
}

const doc = (c: DocumentedCase) => ({ Version: '2012-10-17', Statement: c.statements })

function evaluate(c: DocumentedCase) {
  return evaluateTrustPolicy(doc(c), {
    action: c.action ?? 'sts:AssumeRole',
    caller: CALLERS[c.caller],
    context: c.context
  })
}

describe('trust policies: the answer AWS documents, case by case', () => {
  it('has several hundred cases', () => {
    expect(DOCUMENTED_CASES.length).toBeGreaterThanOrEqual(300)
    expect(new Set(DOCUMENTED_CASES.map((c) => c.name)).size).toBe(DOCUMENTED_CASES.length)
  })

  it.each(DOCUMENTED_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const evaluation = evaluate(c)
    expect({ decision: evaluation.decision, page: c.page }).toEqual({
      decision: c.expected,
      page: c.page
    })
    if (c.identityNeeded !== undefined) {
      const sameAccount = CALLERS[c.caller].accountId === A
      expect(identityPolicyRequired(evaluation, sameAccount)).toBe(c.identityNeeded)
    }
  })
})

describe('the independent oracle on the same table', () => {
  const decided = DOCUMENTED_CASES.filter(
    (c) => c.expected !== 'unknown' && c.caller !== 'web-identity'
  )

  it('agrees with every decided case but the listed divergences', async () => {
    const disagreements: string[] = []
    for (const c of decided) {
      const caller = CALLERS[c.caller]
      const base = {
        principal: caller.arn,
        roleArn: TARGET,
        roleAccount: A,
        action: c.action ?? 'sts:AssumeRole',
        context: c.context
      }
      const withIdentity = await oracle(doc(c), { ...base, identityAllows: true }, isMultivaluedKey)
      const wanted =
        c.expected === 'allowed'
          ? 'Allowed'
          : c.expected === 'explicit-deny'
            ? 'ExplicitlyDenied'
            : 'ImplicitlyDenied'
      const answers = [withIdentity === wanted]
      if (c.identityNeeded !== undefined) {
        const alone = await oracle(doc(c), { ...base, identityAllows: false }, isMultivaluedKey)
        answers.push((alone === 'Allowed') === !c.identityNeeded)
      }
      const agrees = answers.every(Boolean)
      if (agrees === c.name in ORACLE_DIVERGES)
        disagreements.push(`${c.name}: oracle ${withIdentity}, documented ${c.expected}`)
    }
    expect(disagreements).toEqual([])
  })
})
