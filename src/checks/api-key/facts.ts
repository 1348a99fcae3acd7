/** What `api-key` tells about the key (never the key itself). */
export interface KeyFacts extends Record<string, unknown> {
  kind: 'short-term' | 'long-term'
  accessKeyId?: string
  account?: string
  userName?: string
  region?: string
  sigv4?: boolean
}
