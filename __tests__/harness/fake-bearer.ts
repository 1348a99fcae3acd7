/**
 * Bedrock API keys as the fake Bedrock checks them. Bedrock accepts `Authorization: Bearer <key>`
 * instead of SigV4 on the control plane and the runtime, and refuses a bad key with HTTP 403 and a
 * `{"Message": …}` body, in the texts users report (shared/reference/bedrock.md §0; the corpus in
 * __tests__/fixtures/pasted-errors.ts). A short-term key is a presigned CallWithBearerToken URL:
 * the fake checks its expiry and, when it knows the signing secret, its signature, exactly as the
 * presigner computed it (@smithy/signature-v4, which AWS's generator uses).
 */
import { SignatureV4 } from '@smithy/signature-v4'
import { Hash } from '@smithy/hash-node'
import { HttpRequest } from '@smithy/protocol-http'
import type { FakeReply } from './fake-aws.js'

/** The texts Bedrock answers with (HTTP 403, `{"Message": …}`). */
export const BEARER_TEXTS = {
  format: 'Invalid API Key format: Must start with pre-defined prefix',
  rejected: 'Authentication failed: Please make sure your API Key is valid.',
  unknown: 'The bearer token included in the request is invalid.'
} as const

export const forbidden = (message: string): FakeReply => ({
  kind: 'response',
  status: 403,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ Message: message }),
  // The API-key gate answers before any operation runs, in no operation's modeled error shape.
  outside: 'the Bedrock API-key gate, ahead of every operation'
})

export interface BearerOptions {
  /** Signing secrets by access key ID: a short-term key signed with one of them is verified. */
  secrets?: Record<string, string>
  /** Long-term keys (`ABSK…`) that exist, with the region their requests are taken to go to. */
  longTermKeys?: Record<string, string>
  /** Where a request with a long-term key goes when its region is not otherwise known. */
  defaultRegion?: string
}

export type BearerCheck =
  { ok: true; region: string; kind: 'short-term' | 'long-term' } | { ok: false; reply: FakeReply }

/**
 * Checks a bearer key. Requests carry no region with a bearer key (the SDK's endpoint override is
 * the same URL for every region): a short-term key's own region is taken as the request's, a
 * long-term key's the one it is registered with.
 */
export async function checkBearer(
  token: string,
  options: BearerOptions = {}
): Promise<BearerCheck> {
  if (token.startsWith('ABSK')) {
    const region = options.longTermKeys?.[token]
    return region
      ? { ok: true, region, kind: 'long-term' }
      : { ok: false, reply: forbidden(BEARER_TEXTS.unknown) }
  }
  if (!token.startsWith('bedrock-api-key-'))
    return { ok: false, reply: forbidden(BEARER_TEXTS.format) }
  let url: URL
  try {
    url = new URL(`https://${Buffer.from(token.slice(16), 'base64').toString('utf8')}`)
  } catch {
    return { ok: false, reply: forbidden(BEARER_TEXTS.unknown) }
  }
  const q = url.searchParams
  const [accessKeyId = '', , region = ''] = (q.get('X-Amz-Credential') ?? '').split('/')
  const date = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(q.get('X-Amz-Date') ?? '')
  if (!date || !region) return { ok: false, reply: forbidden(BEARER_TEXTS.unknown) }
  const signedAt = Date.UTC(+date[1]!, +date[2]! - 1, +date[3]!, +date[4]!, +date[5]!, +date[6]!)
  if (Date.now() > signedAt + Number(q.get('X-Amz-Expires') ?? 0) * 1000)
    return { ok: false, reply: forbidden(BEARER_TEXTS.rejected) }
  const secret = options.secrets?.[accessKeyId]
  if (secret !== undefined && !(await signatureHolds(url, accessKeyId, secret, region, signedAt)))
    return { ok: false, reply: forbidden(BEARER_TEXTS.rejected) }
  return { ok: true, region, kind: 'short-term' }
}

/** Presigns the same request again with the secret and compares the signatures. */
async function signatureHolds(
  url: URL,
  accessKeyId: string,
  secretAccessKey: string,
  region: string,
  signedAt: number
): Promise<boolean> {
  const q = url.searchParams
  const signer = new SignatureV4({
    service: 'bedrock',
    region,
    sha256: Hash.bind(null, 'sha256'),
    credentials: {
      accessKeyId,
      secretAccessKey,
      ...(q.get('X-Amz-Security-Token') ? { sessionToken: q.get('X-Amz-Security-Token')! } : {})
    }
  })
  const request = new HttpRequest({
    method: 'POST',
    protocol: 'https:',
    hostname: url.hostname,
    path: '/',
    headers: { host: url.hostname },
    query: { Action: 'CallWithBearerToken' }
  })
  const signed = await signer.presign(request, {
    expiresIn: Number(q.get('X-Amz-Expires')),
    signingDate: new Date(signedAt)
  })
  return signed.query?.['X-Amz-Signature'] === q.get('X-Amz-Signature')
}
