import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand
} from '@aws-sdk/client-sts'
import * as bedrock from '../../src/aws/sdk/bedrock.js'
import * as iam from '../../src/aws/sdk/iam.js'
import * as runtime from '../../src/aws/sdk/bedrock-runtime.js'
import { operationName } from '../../src/aws/access.js'

// dist/ is minified without keeping names, so the operation recorded for each call (and named in
// findings, `sts:AssumeRole`) must come from the command's schema, never from its class name.
describe('operationName', () => {
  const commands: [string, object][] = [
    ['GetCallerIdentity', new GetCallerIdentityCommand({})],
    [
      'AssumeRole',
      new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's' })
    ],
    [
      'AssumeRoleWithWebIdentity',
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: 'arn:aws:iam::1:role/r',
        RoleSessionName: 's',
        WebIdentityToken: 't'
      })
    ]
  ]
  for (const sdk of [bedrock, iam, runtime])
    for (const [name, value] of Object.entries(sdk))
      if (name.endsWith('Command'))
        commands.push([
          name.replace(/Command$/, ''),
          new (value as new (input: object) => object)({})
        ])

  it.each(commands)('%s', (expected, command) => {
    expect(operationName(command)).toBe(expected)
  })

  it('says unknown for an object that is not an SDK command', () => {
    expect(operationName({})).toBe('unknown')
  })
})
