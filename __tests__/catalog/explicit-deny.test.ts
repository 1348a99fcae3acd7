import { explicitDenyIn } from '../../src/catalog/read-denied.js'

// IAM's access-denied wordings (AWS IAM User Guide, "Troubleshoot access denied error messages").
describe('where an explicit Deny that refused a read sits', () => {
  it.each([
    ['with an explicit deny in a service control policy', 'a service control policy'],
    ['with an explicit deny in a resource control policy', 'a resource control policy'],
    ['with an explicit deny in a permissions boundary', 'a permissions boundary'],
    ['with an explicit deny in an identity-based policy', 'an identity-based policy'],
    ['with an explicit deny in a session policy', 'a session policy'],
    ['with an explicit deny in a VPC endpoint policy', 'a VPC endpoint policy']
  ])('"%s" names %s', (tail, where) => {
    const message = `User: arn:aws:sts::111122223333:assumed-role/r/s is not authorized to perform: bedrock:GetFoundationModel on resource: arn:aws:bedrock:us-west-2::foundation-model/x ${tail}`
    expect(explicitDenyIn(message)).toBe(where)
  })

  it('says nothing when no explicit Deny is named (an Allow would help)', () => {
    expect(
      explicitDenyIn(
        'User: arn:aws:iam::111122223333:user/u is not authorized to perform: bedrock:GetFoundationModel because no identity-based policy allows the bedrock:GetFoundationModel action'
      )
    ).toBeUndefined()
  })
})
