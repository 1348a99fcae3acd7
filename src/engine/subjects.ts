import type { PreflightConfig } from '../config.js'
import type { CheckScope, Subject } from './check.js'
import type { FindingScope } from './types.js'
import { goesToMantle } from '../parse/endpoint.js'

/** The subjects a check of a given scope runs for, from the configuration. */
export function subjectsFor(scope: CheckScope, config: PreflightConfig): Subject[] {
  // A run with no region still gets one region subject, so the `region` check can say so.
  const regions: (string | undefined)[] =
    config.regions.length > 0 ? config.regions.map((r) => r.value) : [undefined]
  // Model-scoped checks are bedrock-runtime's (mantle's are region-scoped and read the models
  // themselves): an ID the agent sends to mantle is none of theirs.
  const runtime = config.models.filter((m) => !goesToMantle(m.value, config.endpoint?.value))
  const models = [...new Set(runtime.map((m) => m.value))]
  // A model whose calls go to a region of their own (Claude Code's small/fast model) is planned
  // in that region only, and the region is planned too.
  const own = [...new Set(runtime.flatMap((m) => (m.region ? [m.region.value] : [])))]
  switch (scope) {
    case 'run':
      return [{}]
    case 'region':
      return [...regions, ...own.filter((r) => !regions.includes(r))].map((region) => ({ region }))
    case 'model':
      return models.map((model) => ({ model }))
    case 'region-model': {
      // Region by region, as the summary groups them; each model where its calls go.
      const all = [...regions, ...own.filter((r) => !regions.includes(r))]
      return all.flatMap((region) =>
        models
          .filter((model) =>
            runtime.some(
              (m) =>
                m.value === model &&
                (m.region ? m.region.value === region : regions.includes(region))
            )
          )
          .map((model) => ({ region, model }))
      )
    }
    case 'role':
      return config.assumeRoleArns.map((role) => ({ role }))
    case 'oidc':
      return config.oidcRoleArn ? [{ role: config.oidcRoleArn }] : []
  }
}

/** True when a task for `dep` is relevant to a task for `subject` (same region, model and role where both have one). */
export function subjectCovers(dep: Subject, subject: Subject): boolean {
  const keys: (keyof Subject)[] = ['region', 'model', 'role']
  return keys.every((k) => !(k in dep) || !(k in subject) || dep[k] === subject[k])
}

/** The label a finding carries: `eu-west-1 · us.anthropic.claude-…`, a role ARN, or nothing. */
export function subjectLabel(subject: Subject): string | undefined {
  const parts = [subject.region, subject.model, subject.role].filter((p): p is string => !!p)
  return parts.length > 0 ? parts.join(' · ') : undefined
}

/** The subject as data on a finding, or nothing for a run-level check. */
export function scopeOf(subject: Subject): FindingScope | undefined {
  const scope: FindingScope = {}
  if (subject.region) scope.region = subject.region
  if (subject.model) scope.model = subject.model
  if (subject.role) scope.role = subject.role
  return Object.keys(scope).length > 0 ? scope : undefined
}
