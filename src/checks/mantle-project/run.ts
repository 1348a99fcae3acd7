import type { CheckRun } from '../../engine/check.js'
import { isTransient } from '../../aws/errors.js'
import { DEFAULT_PROJECT } from '../mantle-access/project.js'
import type { meta } from './meta.js'
import { mantleOf } from '../shared/mantle.js'

/** A project of the Projects API (AWS UG `workspaces`), as far as the check reads it. */
interface Project {
  id?: string
  arn?: string
  status?: string
}

export const run: CheckRun<typeof meta.messages> = async (ctx) => {
  const region = ctx.subject.region
  if (!region) return
  const mantle = mantleOf(ctx.aws)
  const project = ctx.config.mantleProject?.value ?? DEFAULT_PROJECT
  const r = await mantle.call<Project>(
    region,
    {
      operation: 'GetProject',
      method: 'GET',
      route: { path: `/v1/organization/projects/${encodeURIComponent(project)}` }
    },
    ctx.signal
  )
  const observed = [
    `project: ${project} (from ${ctx.config.mantleProject?.source ?? 'the default: the agent names none'})`
  ]
  if (!r.ok) {
    if (r.error.httpStatus === 404) {
      ctx.report(
        'missing',
        { project, region },
        { observed: [...observed, `${r.error.code}: ${r.error.message}`] }
      )
      return
    }
    ctx.report(
      'notRead',
      { project, region },
      {
        error: r.error,
        observed,
        ...(isTransient(r.error) ? {} : { permission: 'bedrock-mantle:GetProject' })
      }
    )
    return
  }
  const state = r.value.status ?? 'not reported'
  observed.push(`status: ${state}`)
  if (state.toLowerCase() !== 'active') {
    ctx.report('notActive', { project, region, state }, { observed })
    return
  }
  ctx.report('active', { project, region, arn: r.value.arn ?? '?' }, { observed })
}
