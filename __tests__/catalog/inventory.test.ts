/**
 * The inventories (src/catalog/inventory/) are the source of truth for what `explain` must know:
 * every error shape of every operation the agents and the preflight call (from AWS's API models),
 * AWS's common errors, the endpoint rules' errors, the validation messages Bedrock returns for
 * Anthropic models, and the client-side messages of each SDK and agent, each with the repository,
 * file and commit (or the page) it was read in. Every one must name the right catalog entry: a
 * specific cause, or the class entry of its kind when the text carries nothing more.
 */
import { readFileSync } from 'node:fs'
import { CLASS_ENTRY, classOfCode } from '../../src/catalog/classes.js'
import { allEntries, explainText, isGeneric } from '../../src/catalog/match.js'
import type {
  ApiErrorRecord as ApiError,
  EndpointRuleRecord as EndpointRule,
  SdkMessageRecord as SdkMessage,
  SourcedRecord as Sourced
} from '../../src/catalog/inventory/records.js'

const read = <T>(name: string): T =>
  JSON.parse(
    readFileSync(new URL(`../../src/catalog/inventory/${name}`, import.meta.url), 'utf8')
  ) as T

const API = read<ApiError[]>('aws-api-errors.json')
const COMMON = read<Sourced[]>('aws-common-errors.json')
const VALIDATION = read<Sourced[]>('bedrock-validation.json')
const SDK = read<SdkMessage[]>('sdk-messages.json')
const RULES = read<EndpointRule[]>('endpoint-rules.json')
const IDS = new Set<string>(allEntries().map((e) => e.id))
const CLASS_IDS = new Set<string>(Object.values(CLASS_ENTRY))

/** The name each SDK gives a service in its error texts. */
const SERVICE_NAMES: Record<string, { go: string; java: string; pkg: string; net: string }> = {
  sts: { go: 'STS', java: 'Sts', pkg: 'sts', net: 'SecurityToken' },
  sso: { go: 'SSO', java: 'Sso', pkg: 'sso', net: 'SSO' },
  'sso-oidc': { go: 'SSO OIDC', java: 'SsoOidc', pkg: 'ssooidc', net: 'SSOOIDC' },
  signin: { go: 'Signin', java: 'Signin', pkg: 'signin', net: 'Signin' },
  iam: { go: 'IAM', java: 'Iam', pkg: 'iam', net: 'IdentityManagement' },
  bedrock: { go: 'Bedrock', java: 'Bedrock', pkg: 'bedrock', net: 'Bedrock' },
  'bedrock-runtime': {
    go: 'Bedrock Runtime',
    java: 'BedrockRuntime',
    pkg: 'bedrockruntime',
    net: 'BedrockRuntime'
  },
  'service-quotas': {
    go: 'Service Quotas',
    java: 'ServiceQuotas',
    pkg: 'servicequotas',
    net: 'ServiceQuotas'
  }
}

interface Rendered {
  code: string
  shape: string
  service: string
  operation: string
  status: number
  message: string
}

const REQUEST_ID = '4c2d1f0e-9a8b-4c7d-8e6f-5a4b3c2d1e0f'

/**
 * One AWS answer as each SDK prints it (formats read in each SDK's error types; parse.ts lists
 * them). `named` says whether the dialect shows the service or the operation: without them a
 * code can only name its class.
 */
const DIALECTS: { name: string; named: boolean; render: (e: Rendered) => string }[] = [
  {
    name: 'botocore',
    named: true,
    render: (e) =>
      `botocore.errorfactory.${e.shape}: An error occurred (${e.code}) when calling the ${e.operation} operation: ${e.message}`
  },
  { name: 'js-v3', named: false, render: (e) => `${e.shape}: ${e.message}` },
  {
    name: 'go-v2',
    named: true,
    render: (e) =>
      `operation error ${SERVICE_NAMES[e.service]!.go}: ${e.operation}, https response error StatusCode: ${e.status}, RequestID: ${REQUEST_ID}, api error ${e.code}: ${e.message}`
  },
  {
    name: 'go-v1',
    named: false,
    render: (e) => `${e.code}: ${e.message}\n\tstatus code: ${e.status}, request id: ${REQUEST_ID}`
  },
  {
    name: 'java-v1',
    named: true,
    render: (e) =>
      `com.amazonaws.services.${SERVICE_NAMES[e.service]!.pkg}.model.${e.shape}: ${e.message} (Service: ${SERVICE_NAMES[e.service]!.java}; Status Code: ${e.status}; Error Code: ${e.code}; Request ID: ${REQUEST_ID}; Proxy: null)`
  },
  {
    name: 'java-v2',
    named: true,
    render: (e) =>
      `software.amazon.awssdk.services.${SERVICE_NAMES[e.service]!.pkg}.model.${e.shape}: ${e.message} (Service: ${SERVICE_NAMES[e.service]!.java}, Status Code: ${e.status}, Request ID: ${REQUEST_ID})`
  },
  {
    name: 'rust',
    named: false,
    render: (e) =>
      `ServiceError(ServiceError { source: ${e.shape}(${e.shape} { message: Some("${e.message}"), meta: ErrorMetadata { code: Some("${e.code}"), message: Some("${e.message}") } }), raw: Response { status: StatusCode(${e.status}) } })`
  },
  {
    name: 'dotnet',
    named: true,
    render: (e) => `Amazon.${SERVICE_NAMES[e.service]!.net}.Model.${e.shape}: ${e.message}`
  },
  {
    name: 'php',
    named: true,
    render: (e) =>
      `Error executing "${e.operation}" on "https://${e.service}.us-east-1.amazonaws.com/"; AWS HTTP error: Client error: \`POST https://${e.service}.us-east-1.amazonaws.com/\` resulted in a \`${e.status} Bad Request\` response: {"__type":"${e.code}","message":"${e.message}"} ${e.code} (client): ${e.message}`
  },
  {
    name: 'ruby',
    named: true,
    render: (e) =>
      `Aws::${SERVICE_NAMES[e.service]!.go.replace(/ /g, '')}::Errors::${e.code}: ${e.message}`
  },
  {
    name: 'terraform',
    named: true,
    render: (e) =>
      `Error: configuring Terraform AWS Provider: validating provider credentials: retrieving caller identity from STS: operation error ${SERVICE_NAMES[e.service]!.go}: ${e.operation}, https response error StatusCode: ${e.status}, RequestID: ${REQUEST_ID}, api error ${e.code}: ${e.message}`
  }
]

/** A message that names no cause: what an answer says when the code is all there is. */
const NEUTRAL = 'The request could not be completed.'

const got = (text: string): string | undefined => explainText(text).entry?.id

describe('the error inventories', () => {
  it('record where each entry was read: repository, file and commit, or page and date', () => {
    for (const r of [...API, ...RULES, ...SDK.filter((m) => !m.package)]) {
      expect(r.repo).toMatch(/^[\w.-]+\/[\w.-]+$/)
      expect(r.path.length).toBeGreaterThan(0)
      expect(r.commit).toMatch(/^[0-9a-f]{40}$/)
    }
    // An agent published only as an npm package (Claude Code): package, version, file, tarball SHA-1.
    for (const r of SDK.filter((m) => m.package)) {
      expect(r.package).toMatch(/^@[\w.-]+\/[\w.-]+$/)
      expect(r.version).toMatch(/^\d+\.\d+\.\d+/)
      expect(r.path.length).toBeGreaterThan(0)
      expect(r.shasum).toMatch(/^[0-9a-f]{40}$/)
      expect(r.repo).toBeUndefined()
    }
    for (const r of [...COMMON, ...VALIDATION]) {
      expect(r.source).toMatch(/^https:\/\//)
      expect(r.version).toMatch(/^\d{4}-\d{2}/)
    }
    // Each validation text says where it was read: AWS's or Anthropic's documentation, or a
    // public issue quoting the service's answer; a documentation kind must be on their sites.
    for (const r of VALIDATION) {
      expect(['aws-docs', 'anthropic-docs', 'public-issue']).toContain(r.kind)
      if (r.kind === 'aws-docs')
        expect(r.source).toMatch(/^https:\/\/(?:docs\.aws\.amazon\.com|repost\.aws)\//)
      if (r.kind === 'public-issue')
        expect(r.source).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/(?:issues|pull)\/\d+$/)
    }
  })

  it('name an existing catalog entry for every record (a new one is classified by a person)', () => {
    const unnamed = [...API, ...COMMON, ...VALIDATION, ...SDK, ...RULES]
      .filter((r) => !r.expected || !IDS.has(r.expected))
      .map((r) => JSON.stringify(r))
    expect(unnamed).toEqual([])
  })

  it('hold every error of the operations the agents and the preflight call', () => {
    expect([...new Set(API.map((r) => r.service))].sort()).toEqual(
      Object.keys(SERVICE_NAMES).sort()
    )
    const streamed = API.filter((r) => r.operations.some((o) => o.endsWith(' stream')))
    expect(streamed.map((r) => r.code).sort()).toEqual(
      expect.arrayContaining([
        'ModelStreamErrorException',
        'ThrottlingException',
        'ValidationException'
      ])
    )
  })

  it('cover each SDK and agent the issue names', () => {
    expect([...new Set(SDK.map((r) => r.sdk))]).toEqual(
      expect.arrayContaining([
        'botocore',
        'aws-sdk-js-v3',
        'aws-sdk-java-v2',
        'aws-sdk-java',
        'aws-sdk-go-v2',
        'aws-sdk-go',
        'aws-sdk-rust',
        'aws-sdk-net',
        'aws-sdk-php',
        'aws-sdk-ruby',
        'terraform-provider-aws',
        'anthropic-sdk-typescript',
        'anthropic-sdk-python',
        'litellm',
        'claude-code',
        'claude-code-action'
      ])
    )
  })
})

describe('explain on every inventoried AWS error, in every SDK dialect', () => {
  const cases = API.flatMap((r) =>
    DIALECTS.map((d) => ({
      record: r,
      dialect: d,
      text: d.render({
        code: r.code,
        shape: r.shape,
        service: r.service,
        operation: r.operations[0]!.replace(/ stream$/, ''),
        status: r.httpStatus ?? 400,
        message: NEUTRAL
      })
    }))
  )
  it('names the entry of its cause, or of its class when the dialect shows only the code', () => {
    const wrong = cases
      .filter(({ record, dialect, text }) => {
        const id = got(text)
        if (id === record.expected) return false
        const cls = classOfCode(record.code)
        return !(!dialect.named && cls && id === CLASS_ENTRY[cls])
      })
      .map(
        ({ record, dialect, text }) =>
          `${dialect.name} ${record.service}:${record.code} → ${got(text) ?? 'nothing'} (expected ${record.expected}): ${text}`
      )
    expect(wrong).toEqual([])
  })

  it('names AWS common errors in the same way', () => {
    const wrong = COMMON.flatMap((r) =>
      DIALECTS.map((d) =>
        d.render({
          code: r.code!,
          shape: r.code!,
          service: 'bedrock-runtime',
          operation: 'Converse',
          status: r.httpStatus ?? 400,
          message: NEUTRAL
        })
      )
        .filter((text) => got(text) !== r.expected)
        .map((text) => `${r.code} → ${got(text) ?? 'nothing'} (expected ${r.expected}): ${text}`)
    )
    expect(wrong).toEqual([])
  })

  it('gives every class of error an entry that says what is known', () => {
    for (const id of CLASS_IDS) expect(IDS.has(id)).toBe(true)
  })
})

describe('explain on every inventoried message', () => {
  it("names the cause of each SDK's and agent's own messages, bare and wrapped in their exception", () => {
    const wrong = SDK.flatMap((r) => {
      const text = r.sample ?? r.message
      const texts = r.code ? [text, `${r.code}: ${text}`] : [text]
      return texts
        .filter((t) => got(t) !== r.expected)
        .map((t) => `${r.sdk} ${r.path}: ${got(t) ?? 'nothing'} (expected ${r.expected}): ${t}`)
    })
    expect(wrong).toEqual([])
  })

  it('names the cause of the endpoint rules’ errors, as each SDK raises them', () => {
    const wrong = RULES.flatMap((r) =>
      [
        r.message,
        `botocore.exceptions.EndpointResolutionError: ${r.message}`,
        `operation error Bedrock Runtime: Converse, failed to resolve service endpoint, endpoint rule error, ${r.message}`,
        `ResolveEndpointError { message: "${r.message}", source: None }`
      ]
        .filter((t) => got(t) !== r.expected)
        .map((t) => `${got(t) ?? 'nothing'} (expected ${r.expected}): ${t}`)
    )
    expect(wrong).toEqual([])
  })

  it('names the cause of the request-validation messages Bedrock returns, raw and in their JSON body', () => {
    const wrong = VALIDATION.flatMap((r) => {
      const anthropic = `API Error: 400 {"type":"error","error":{"type":"${r.code}","message":${JSON.stringify(r.message)}}}`
      const texts = [
        r.message!,
        `An error occurred (${r.code}) when calling the InvokeModel operation: ${r.message}`,
        `${r.code}: ${r.message}`,
        ...(r.sdk === 'anthropic-messages-api' ? [anthropic] : [])
      ]
      return texts
        .filter((t) => got(t) !== r.expected)
        .map((t) => `${got(t) ?? 'nothing'} (expected ${r.expected}): ${t}`)
    })
    expect(wrong).toEqual([])
  })

  it('names a setting to change for each parameter beyond a model limit', () => {
    const limits = [
      'max-tokens-too-large',
      'thinking-budget-not-below-max-tokens',
      'beta-flag-invalid',
      'too-many-images',
      'image-too-large',
      'prompt-too-long'
    ]
    for (const id of limits) {
      expect(VALIDATION.filter((r) => r.expected === id).length).toBeGreaterThan(0)
      const entry = allEntries().find((e) => e.id === id)!
      expect(entry.fix({ surface: 'cli' })).toMatch(
        /max_tokens|budget_tokens|MAX_THINKING_TOKENS|CLAUDE_CODE_\w+|\/compact|\/clear|images? a request/
      )
    }
  })

  it('never answers a request-validation message with the generic "request rejected as invalid"', () => {
    for (const r of VALIDATION) {
      const entry = explainText(`ValidationException: ${r.message}`).entry
      expect(entry && isGeneric(entry)).toBeFalsy()
    }
  })
})
