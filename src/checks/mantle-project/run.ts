import type { CheckRun } from '../shared/check.js'
import { isTransient } from '../../aws/errors.js'
import { DEFAULT_PROJECT } from '../shared/mantle-project.js'
import type { meta } from './meta.js'
import { mantleOf } from '../shared/mantle.js'
import { MANTLE_ENDPOINT_VARIABLE, shownUrl } from '../../aws/mantle.js'

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
    const where = mantle.endpoint(region)
    // AWS's host, or the job's own service endpoint (AWS_ENDPOINT_URL_BEDROCK_MANTLE: a VPC
    // endpoint); an agent's base URL elsewhere is a gateway, whose 404 says nothing of projects.
    const onAws =
      where.source === MANTLE_ENDPOINT_VARIABLE ||
      /^https:\/\/bedrock-mantle\.[a-z0-9-]+\.api\.aws$/.test(shownUrl(where.root))
    // Every account has `default`; a 404 for it, or from a gateway, says the route is wrong.
    if (r.error.httpStatus === 404 && (project === 'default' || !onAws)) {
      ctx.report(
        'routeNotFound',
        { project, region, root: shownUrl(where.root) },
        { error: r.error, observed }
      )
      return
    }
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
