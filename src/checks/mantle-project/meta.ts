import { defineMeta } from '../shared/check.js'
import { callsMantle } from '../../parse/endpoint.js'
import { mantleCurl } from '../../commands/mantle-commands.js'
import { DocUrl } from '../../data/doc-url.js'

/**
 * Does the bedrock-mantle project the agent's requests go to exist, and is it active? Every
 * account has a `default` project; others (`proj_…`) are made with the Projects API and named in
 * each request (`anthropic-workspace-id` on the Messages API, `OpenAI-Project` on the `/v1`
 * routes). Read with `GET /v1/organization/projects/{id}` (IAM action `bedrock-mantle:GetProject`).
 */
export const meta = defineMeta({
  id: 'mantle-project',
  title: 'bedrock-mantle project',
  description:
    'The mantle project the agent uses (`mantle-project`) exists in the region and is active.',
  scope: 'region',
  dependsOn: ['region', 'identity', 'api-key'],
  speculative: ['identity', 'api-key'],
  permissions: [
    {
      action: 'bedrock-mantle:GetProject',
      statement: 'ReadMantleModelsAndProject',
      why: 'whether the bedrock-mantle project the agent uses exists (endpoint mantle|both)'
    }
  ],
  applies: (config) => callsMantle(config),
  messages: {
    active: {
      status: 'pass',
      title: 'bedrock-mantle project {{project}} is active in {{region}} ({{arn}})'
    },
    notActive: {
      status: 'fail',
      title: 'bedrock-mantle project {{project}} in {{region}} is {{state}}, not active',
      cause:
        'Requests attributed to a project that is not active (an archived project, for one) are refused.',
      fix: 'Point the agent at an active project (`mantle-project` and its `anthropic-workspace-id`), or `default`.',
      doc: DocUrl.workspaces
    },
    missing: {
      status: 'fail',
      title: 'bedrock-mantle has no project {{project}} in {{region}}',
      cause:
        'Projects belong to one account and one region: this ID is not among the projects of this account in this region (a typo, another region, another account).',
      fix: `List the projects of the region and use one of their IDs, or \`default\`:\n\n${mantleCurl('{{region}}', '/v1/organization/projects', '.data[].id')}`,
      doc: DocUrl.workspaces
    },
    routeNotFound: {
      status: 'unverified',
      title:
        'Could not read bedrock-mantle project {{project}} in {{region}}: {{root}} has no Projects API there',
      cause:
        "The endpoint answered HTTP 404 for a project that must exist (every account has `default`), or it is not AWS's host: a gateway or proxy that does not pass `/v1/organization/projects` on, or a wrong base URL.",
      fix: 'Check the base URL the agent uses for bedrock-mantle; behind a gateway, this read cannot verify the project (`invoke-probe: true` tests the real call).',
      doc: DocUrl.workspaces
    },
    notRead: {
      status: 'catalog',
      title: 'Could not read bedrock-mantle project {{project}} in {{region}}'
    }
  }
})
