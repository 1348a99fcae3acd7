/**
 * bedrock-mantle as the fake AWS serves it, under the `bedrock-mantle` prefix that
 * AWS_ENDPOINT_URL_BEDROCK_MANTLE (or the agent's ANTHROPIC_BEDROCK_MANTLE_BASE_URL) points at.
 *
 * AWS publishes no API model for mantle (botocore and aws-sdk-js-v3 carry none), so these answers
 * cannot be validated like the other services' (off-model.ts): each is marked `outside` and
 * follows what AWS and Anthropic document or users posted (shared notes, /tmp/bp/mantle-facts.md
 * in the session that wrote this; sources inline):
 * - Messages (`POST /anthropic/v1/messages`, AWS UG `inference-messages-api`): an Anthropic
 *   Message; errors in Anthropic's shape `{"type":"error","error":{"type","message"}}` (seen in
 *   users' logs: "The model 'eu.anthropic.claude-sonnet-4-6' does not exist", 404
 *   not_found_error).
 * - `GET /v1/models` (AWS UG `models-get-info`), `GET /v1/organization/projects/{id}` (AWS UG
 *   `workspaces`): OpenAI's list and object shapes; errors in OpenAI's shape
 *   `{"error":{"code","message","param","type"}}`.
 * - 403 texts are IAM's: "User: … is not authorized to perform: bedrock-mantle:CreateInference on
 *   resource: arn:aws:bedrock-mantle:<region>:<account>:project/default …" (posted by users).
 * - The missing-project text is not published; the fake words it like mantle's missing-model text
 *   ("The project 'x' does not exist"), and the preflight decides by the status, never the words.
 */
import type { FakeReply, FakeRequest, Handlers } from './fake-aws.js'
import { evaluate, type SimulatorPolicies } from './fake-iam-simulator.js'
import { FAKE } from './run-action.js'
import { MANTLE_REGIONS } from '../../src/data/mantle-regions.js'
import { BEDROCK_BETAS } from './fake-bedrock.js'

/** The regions AWS lists for bedrock-mantle: the fake serves mantle in these (and only these). */
export { MANTLE_REGIONS }

/** Claude on mantle: bare IDs, no geography prefix, no version suffix (Claude Code's Mantle docs). */
export const MANTLE_SONNET = 'anthropic.claude-sonnet-4-6'
export const MANTLE_HAIKU = 'anthropic.claude-haiku-4-5'
export const MANTLE_OPUS = 'anthropic.claude-opus-4-7'

export interface MantleWorld {
  /** Model IDs served, by region. */
  models: Record<string, string[]>
  /** Project IDs that exist (besides `default`, which every account has). */
  projects: string[]
  /** When given, CreateInference / ListModels / GetProject are refused as IAM would. */
  policies?: SimulatorPolicies
  /** The caller IAM names in a refusal. */
  caller?: string
}

export function mantleWorld(over: Partial<MantleWorld> = {}): MantleWorld {
  return {
    models: Object.fromEntries(
      MANTLE_REGIONS.map((r) => [
        r,
        [MANTLE_SONNET, MANTLE_HAIKU, MANTLE_OPUS, 'openai.gpt-oss-120b']
      ])
    ),
    projects: ['proj_abc123def456'],
    caller: `arn:aws:sts::${FAKE.account}:assumed-role/github-actions-bedrock/GitHubActions`,
    ...over
  }
}

const OUTSIDE = 'bedrock-mantle: AWS publishes no API model for it (fake-mantle.ts)'

function json(status: number, body: unknown, requestId = 'req_011CfakeMantle0001'): FakeReply {
  return {
    kind: 'response',
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId },
    body: JSON.stringify(body),
    outside: OUTSIDE
  }
}

/** Anthropic's error shape (the Messages route). */
export const anthropicError = (status: number, type: string, message: string) =>
  json(status, { type: 'error', error: { type, message }, request_id: 'req_011CfakeMantle0002' })

/** OpenAI's error shape (the `/v1` routes). */
export const openAiError = (status: number, code: string, type: string, message: string) =>
  json(status, { error: { code, message, param: null, type } })

const projectArn = (region: string, project: string) =>
  `arn:aws:bedrock-mantle:${region}:${FAKE.account}:project/${project}`

/** The IAM refusal, word for word as IAM writes it. */
function notAuthorized(world: MantleWorld, action: string, resource: string): string {
  return `User: ${world.caller} is not authorized to perform: bedrock-mantle:${action} on resource: ${resource} because no identity-based policy allows the bedrock-mantle:${action} action`
}

function refused(
  world: MantleWorld,
  req: FakeRequest,
  action: string,
  project: string
): string | undefined {
  if (!world.policies || req.bearer) return undefined
  const resource = projectArn(req.region ?? '', project)
  const e = evaluate(world.policies, `bedrock-mantle:${action}`, resource, {
    'aws:requestedregion': [req.region ?? '']
  })
  return e.decision === 'allowed' ? undefined : notAuthorized(world, action, resource)
}

const header = (req: FakeRequest, name: string) => {
  const v = req.headers[name]
  return typeof v === 'string' ? v : undefined
}

/** The mantle handlers of an account. */
export function mantleHandlers(world: MantleWorld = mantleWorld()): Handlers {
  return {
    'bedrock-mantle:CreateInference': (req) => {
      const project = header(req, 'anthropic-workspace-id') ?? 'default'
      const betas = (header(req, 'anthropic-beta') ?? '').split(',').filter(Boolean)
      // Anthropic's shape of Bedrock's refusal (anthropics/claude-code#49648).
      if (betas.some((b) => !BEDROCK_BETAS.includes(b.trim())))
        return anthropicError(400, 'invalid_request_error', 'invalid beta flag')
      const denied = refused(world, req, 'CreateInference', project)
      if (denied) return anthropicError(403, 'permission_error', denied)
      const model = String((req.json as { model?: unknown } | undefined)?.model ?? '')
      if (!(world.models[req.region ?? ''] ?? []).includes(model))
        return anthropicError(404, 'not_found_error', `The model '${model}' does not exist`)
      return json(200, {
        id: 'msg_01FakeMantleProbe',
        type: 'message',
        role: 'assistant',
        model,
        content: [{ type: 'text', text: 'Hi' }],
        stop_reason: 'max_tokens',
        stop_sequence: null,
        usage: { input_tokens: 8, output_tokens: 1 }
      })
    },
    'bedrock-mantle:ListModels': (req) => {
      const denied = refused(world, req, 'ListModels', 'default')
      if (denied) return openAiError(403, 'access_denied', 'permission_denied_error', denied)
      return json(200, {
        object: 'list',
        data: (world.models[req.region ?? ''] ?? []).map((id, i) => ({
          id,
          object: 'model',
          created: 1733443200 + i,
          owned_by: 'system'
        }))
      })
    },
    'bedrock-mantle:GetProject': (req) => {
      const id = req.params.projectId ?? ''
      const denied = refused(world, req, 'GetProject', id)
      if (denied) return openAiError(403, 'access_denied', 'permission_denied_error', denied)
      if (id !== 'default' && !world.projects.includes(id))
        return openAiError(
          404,
          'not_found_error',
          'invalid_request_error',
          `The project '${id}' does not exist`
        )
      return json(200, {
        arn: projectArn(req.region ?? '', id),
        created_at: 1772135628,
        id,
        name: id === 'default' ? 'Default project' : 'Claude Chatbot Production',
        object: 'organization.project',
        status: 'active'
      })
    }
  }
}
