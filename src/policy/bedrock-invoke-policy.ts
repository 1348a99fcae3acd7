/**
 * The smallest identity policy that grants exactly the invoke permissions a simulation found
 * missing, in the shapes AWS documents for geographic and global cross-region inference
 * (shared/reference/bedrock.md §5.1–5.3): the profile ARN; the foundation model in each
 * destination region, only through this profile; and, for global profiles, the region-less
 * foundation-model ARN with `aws:RequestedRegion` = `unspecified`.
 */

export const INVOKE_ACTIONS = [
  'bedrock:InvokeModel',
  'bedrock:InvokeModelWithResponseStream'
] as const

export interface MissingGrant {
  action: string
  resource: string
}

export interface InvokePolicyInput {
  /** The system or application profile the call goes through, if any. */
  profileArn?: string
  missing: MissingGrant[]
}

export interface PolicyStatement {
  Sid: string
  Effect: 'Allow'
  Action: string | string[]
  Resource: string[]
  Condition?: Record<string, Record<string, string>>
}

export interface PolicyDocument {
  Version: '2012-10-17'
  Statement: PolicyStatement[]
}

type Category = 'profile' | 'regional-model' | 'global-model' | 'other'

function categoryOf(resource: string): Category {
  if (/:(application-)?inference-profile\//.test(resource)) return 'profile'
  if (/^arn:[^:]+:bedrock:::foundation-model\//.test(resource)) return 'global-model'
  if (/:foundation-model\//.test(resource)) return 'regional-model'
  return 'other'
}

const SID: Record<Category, string> = {
  profile: 'AllowInferenceProfile',
  'regional-model': 'AllowFoundationModel',
  'global-model': 'AllowGlobalFoundationModel',
  other: 'AllowModel'
}

const ORDER: Category[] = ['profile', 'regional-model', 'global-model', 'other']

/**
 * Builds the minimal Allow statements for the missing grants, grouped by resource kind and by
 * the set of actions each resource lacks (so nothing already allowed is granted again).
 */
export function minimalInvokePolicy(input: InvokePolicyInput): PolicyDocument {
  const actionsByResource = new Map<string, Set<string>>()
  for (const g of input.missing) {
    const set = actionsByResource.get(g.resource) ?? new Set<string>()
    set.add(g.action)
    actionsByResource.set(g.resource, set)
  }
  const groups = new Map<string, { category: Category; actions: string[]; resources: string[] }>()
  for (const [resource, set] of actionsByResource) {
    const category = categoryOf(resource)
    const actions = (INVOKE_ACTIONS.filter((a) => set.has(a)) as string[]).concat(
      [...set].filter((a) => !(INVOKE_ACTIONS as readonly string[]).includes(a)).sort()
    )
    const key = `${category}|${actions.join(',')}`
    const group = groups.get(key) ?? { category, actions, resources: [] }
    group.resources.push(resource)
    groups.set(key, group)
  }
  const statements = [...groups.values()]
    .sort((a, b) => ORDER.indexOf(a.category) - ORDER.indexOf(b.category))
    .map((g, i, all): PolicyStatement => {
      const sameCategory = all.filter((o) => o.category === g.category).length > 1
      const statement: PolicyStatement = {
        Sid: sameCategory ? `${SID[g.category]}${i + 1}` : SID[g.category],
        Effect: 'Allow',
        Action: g.actions.length === 1 ? (g.actions[0] as string) : g.actions,
        Resource: [...g.resources].sort()
      }
      const profile = input.profileArn
      if (g.category === 'regional-model' && profile) {
        statement.Condition = { StringEquals: { 'bedrock:InferenceProfileArn': profile } }
      }
      if (g.category === 'global-model') {
        statement.Condition = {
          StringEquals: {
            'aws:RequestedRegion': 'unspecified',
            ...(profile ? { 'bedrock:InferenceProfileArn': profile } : {})
          }
        }
      }
      return statement
    })
  return { Version: '2012-10-17', Statement: statements }
}
