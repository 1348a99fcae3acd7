import type { FixContext } from '../catalog/types.js'
import type { Surface } from '../config.js'
import { explicitDenyIn, READ_DENIED } from '../catalog/read-denied.js'
import type { IamPolicy } from '../policy/document.js'
import { markdownOf, type FixPart } from '../policy/fix-parts.js'
import type {
  CheckMeta,
  Commands,
  MessageSpec,
  MessageValue,
  ReportExtra,
  Template
} from './check.js'
import type { CheckStatus, Finding } from './types.js'
import {
  isNoAnswer,
  isReadDenied,
  isReadThrottled,
  READ_THROTTLED,
  readGrantPolicy
} from './read-denied.js'
import { loadCatalog } from './catalog-loader.js'

/** One `ctx.report` call, as the engine keeps it until the check has finished. */
export interface Reported {
  messageId: string
  data: Readonly<Record<string, MessageValue>>
  extra: ReportExtra
  /** Resolved when reported, from the facts known then. */
  fixContext: FixContext
}

type Data = Readonly<Record<string, MessageValue>>

const HOLE = /\{\{(\w+)\}\}/g

const isCommands = (v: MessageValue | undefined): v is Commands =>
  typeof v === 'object' && 'commands' in v
const isPolicy = (v: MessageValue | undefined): v is IamPolicy =>
  typeof v === 'object' && !isCommands(v)

/** Fills `{{name}}` placeholders; one left unfilled stays visible (the message tests catch it). */
export function fill(template: string, data: Data, surface?: Surface): string {
  return markdownOf(fillParts(template, data), surface)
}

/**
 * A template filled as parts: its words, and each placeholder whose value is a policy as that
 * policy (data the summary merges), not as its JSON; commands as commands (quoted when rendered).
 */
export function fillParts(template: string, data: Data): FixPart[] {
  const parts: FixPart[] = []
  let text = ''
  let at = 0
  for (const m of template.matchAll(HOLE)) {
    const name = m[1] as string
    const value = data[name]
    text += template.slice(at, m.index)
    at = m.index + m[0].length
    if (isPolicy(value) || isCommands(value)) {
      if (text) parts.push({ text })
      parts.push(isPolicy(value) ? { policy: value } : { commands: value.commands })
      text = ''
    } else text += name in data ? String(value) : m[0]
  }
  text += template.slice(at)
  if (text) parts.push({ text })
  return parts
}

export function pick(template: Template, surface: Surface): string {
  return typeof template === 'string' ? template : template[surface]
}

/** Said for an AWS error that no catalog entry explains: the code and message speak for themselves. */
const UNRECOGNISED = {
  cause:
    'AWS answered with an error this version of bedrock-preflight does not recognise; its code and message are under Observed.',
  fix: 'Look the error code up in the documentation linked here; if it looks like something the preflight should explain, open an issue with the Observed lines.'
}

/** Whether turning these reports into findings needs the catalog (it then loads, once). */
function needsCatalog(spec: MessageSpec, extra: ReportExtra): boolean {
  return spec.catalog !== undefined || extra.error !== undefined || spec.status === 'catalog'
}

/**
 * Turns what a check reported into findings: its message's wording with the data filled in, and,
 * for an AWS error, what the catalog says of it wherever the message leaves that to the catalog.
 * The catalog (≈ 40 KB) is loaded only when a report needs it, so a healthy run never parses it
 * before its first request.
 */
export async function findingsFrom(
  meta: CheckMeta,
  reports: readonly Reported[],
  surface: Surface,
  subject: string | undefined
): Promise<Finding[]> {
  const catalog = reports.some((r) => needsCatalog(meta.messages[r.messageId]!, r.extra))
    ? await loadCatalog()
    : undefined
  return reports.map(({ messageId, data, extra, fixContext }) => {
    const spec = meta.messages[messageId]
    if (!spec) throw new Error(`check ${meta.id} reported unknown message ${messageId}`)
    const noAnswer = extra.error !== undefined && isNoAnswer(extra.error)
    const entry =
      spec.catalog && !noAnswer
        ? catalog?.entryById(spec.catalog)
        : extra.error
          ? catalog?.matchError(extra.error)
          : undefined
    const denied = extra.error && extra.permission && isReadDenied(extra.error)
    const throttledRead = !denied && extra.error && isReadThrottled(extra.error)
    // An error no entry explains fails a check's own verdict, but never blames the user for a read
    // of the preflight's own (one that names its permission): that read only could not be done.
    const status: CheckStatus =
      denied || throttledRead || noAnswer
        ? 'unverified'
        : spec.status !== 'catalog'
          ? spec.status
          : (entry?.verdict ?? (extra.permission ? 'unverified' : 'fail'))
    const text = (t: Template | undefined) =>
      t === undefined ? undefined : fill(pick(t, surface), data, surface)
    const parts = (t: Template | undefined) =>
      t === undefined ? undefined : fillParts(pick(t, surface), data)
    const words = (t: string | undefined): FixPart[] | undefined =>
      t === undefined ? undefined : [{ text: t }]
    // Refused by an explicit Deny: no Allow statement would help, so none is offered.
    const explicit = denied ? explicitDenyIn(extra.error!.message) : undefined
    const cause = explicit
      ? READ_DENIED.explicitDeny.cause(extra.permission!, explicit)
      : denied
        ? READ_DENIED.cause(extra.permission!)
        : throttledRead
          ? READ_THROTTLED.cause(extra.error!.operation ?? 'unknown')
          : noAnswer
            ? entry?.cause
            : (text(spec.cause) ?? entry?.cause ?? (extra.error ? UNRECOGNISED.cause : undefined))
    const grant = denied ? meta.permissions.find((p) => p.action === extra.permission) : undefined
    const policy =
      grant &&
      readGrantPolicy(
        [
          grant.action,
          ...meta.permissions
            .filter((p) => p.statement === grant.statement && p.action !== grant.action)
            .map((p) => p.action)
        ],
        grant.statement,
        fixContext
      )
    const fixParts: FixPart[] | undefined = explicit
      ? words(READ_DENIED.explicitDeny.fix(extra.permission!, explicit, surface))
      : denied
        ? policy
          ? [
              { text: READ_DENIED.lead(extra.permission!) },
              { policy },
              { text: READ_DENIED.tail(surface) }
            ]
          : [{ text: READ_DENIED.withoutStatement(extra.permission!, surface) }]
        : throttledRead
          ? words(READ_THROTTLED.fix())
          : noAnswer
            ? words(entry?.fix(fixContext))
            : (parts(spec.fix) ??
              words(entry?.fix(fixContext)) ??
              words(extra.error ? UNRECOGNISED.fix : undefined))
    const fix = fixParts && markdownOf(fixParts, surface)
    const catalogId = denied ? READ_DENIED.catalogId : entry?.id
    const docUrl = noAnswer
      ? entry?.doc
      : (spec.doc ?? (denied ? catalog?.entryById('preflight-read-denied').doc : entry?.doc))
    const observed = [
      ...(extra.error && catalog ? catalog.observedErrorLines(extra.error) : []),
      ...(extra.observed ?? [])
    ]
    return {
      checkId: meta.id,
      ...(subject ? { subject } : {}),
      messageId,
      status,
      title: fill(spec.title, data),
      ...(observed.length ? { observed } : {}),
      ...(extra.error ? { error: extra.error } : {}),
      ...(catalogId ? { catalogId } : {}),
      ...(cause ? { cause } : {}),
      ...(fix ? { fix } : {}),
      ...(fixParts?.some((p) => !('text' in p)) ? { fixParts } : {}),
      ...(denied ? { permission: extra.permission! } : {}),
      ...(docUrl ? { docUrl } : {}),
      ...(extra.details?.length ? { details: extra.details } : {}),
      ...(extra.location ? { location: extra.location } : {})
    }
  })
}
