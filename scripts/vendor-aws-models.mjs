#!/usr/bin/env node
// Trims AWS's published API models (botocore's botocore/data/<service>/<version>/service-2.json,
// Apache-2.0) to the operations the preflight calls, with every shape they reach, into
// schema/vendor/aws/<service>.json. The fake AWS's answers are validated against these
// (__tests__/aws-models/fake-answers.test.ts).
//
//   node scripts/vendor-aws-models.mjs <botocore checkout>           (a work tree)
//   node scripts/vendor-aws-models.mjs --git-dir <botocore .git dir> (a bare mirror; reads HEAD)
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The operations the tool calls, by botocore service directory and API version. */
const SERVICES = {
  sts: {
    version: '2011-06-15',
    operations: ['GetCallerIdentity', 'AssumeRole', 'AssumeRoleWithWebIdentity']
  },
  iam: {
    version: '2010-05-08',
    operations: ['GetRole', 'SimulatePrincipalPolicy', 'ListServiceSpecificCredentials']
  },
  bedrock: {
    version: '2023-04-20',
    operations: [
      'GetFoundationModel',
      'GetFoundationModelAvailability',
      'GetInferenceProfile',
      'ListFoundationModels',
      'ListInferenceProfiles',
      'GetProvisionedModelThroughput',
      'GetUseCaseForModelAccess'
    ]
  },
  'bedrock-runtime': {
    version: '2023-09-30',
    operations: ['Converse', 'InvokeModelWithResponseStream']
  },
  'service-quotas': {
    version: '2019-06-24',
    operations: ['GetServiceQuota', 'GetAWSDefaultServiceQuota', 'ListServiceQuotas']
  }
}

const args = process.argv.slice(2)
const gitDir = args[0] === '--git-dir' ? args[1] : undefined
const tree = gitDir ? undefined : args[0]
if (!gitDir && !tree) {
  console.error('usage: vendor-aws-models.mjs <botocore checkout> | --git-dir <botocore git dir>')
  process.exit(2)
}
const git = (...a) =>
  execFileSync('git', ['--git-dir', gitDir, ...a], { encoding: 'utf8', maxBuffer: 1 << 28 })
const read = (path) =>
  gitDir ? git('show', `HEAD:${path}`) : readFileSync(join(tree, path), 'utf8')
const commit = gitDir
  ? git('rev-parse', 'HEAD').trim()
  : execFileSync('git', ['-C', tree, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()

for (const [service, { version, operations }] of Object.entries(SERVICES)) {
  const path = `botocore/data/${service}/${version}/service-2.json`
  const model = JSON.parse(read(path))
  const shapes = {}
  const visit = (name) => {
    if (!name || shapes[name]) return
    const shape = model.shapes[name]
    if (!shape) throw new Error(`${service}: no shape ${name}`)
    // Documentation is dropped: the vendored copy is for validation; the source has the text.
    const { documentation: _doc, ...rest } = shape
    const members = rest.members
      ? Object.fromEntries(
          Object.entries(rest.members).map(([m, { documentation: _d, ...def }]) => [m, def])
        )
      : undefined
    shapes[name] = { ...rest, ...(members ? { members } : {}) }
    for (const m of Object.values(shape.members ?? {})) visit(m.shape)
    if (shape.member) visit(shape.member.shape)
    if (shape.key) visit(shape.key.shape)
    if (shape.value) visit(shape.value.shape)
  }
  const ops = {}
  for (const op of operations) {
    const o = model.operations[op]
    if (!o) throw new Error(`${service}: no operation ${op}`)
    ops[op] = {
      http: o.http,
      ...(o.input ? { input: o.input } : {}),
      ...(o.output ? { output: o.output } : {}),
      errors: (o.errors ?? []).map((e) => e.shape)
    }
    visit(o.input?.shape)
    visit(o.output?.shape)
    for (const e of o.errors ?? []) visit(e.shape)
  }
  const out = {
    source: `https://github.com/boto/botocore/blob/${commit}/${path}`,
    license: 'Apache-2.0 (see LICENSE-aws-models)',
    metadata: model.metadata,
    operations: ops,
    shapes: Object.fromEntries(Object.entries(shapes).sort(([a], [b]) => a.localeCompare(b)))
  }
  writeFileSync(
    new URL(`../schema/vendor/aws/${service}.json`, import.meta.url),
    `${JSON.stringify(out, null, 2)}\n`
  )
  console.log(`${service}: ${operations.length} operations, ${Object.keys(shapes).length} shapes`)
}
