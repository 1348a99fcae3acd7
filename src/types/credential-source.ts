// Made by the AWS layer (src/aws/credential-source.ts), named by the fixes of the catalog and of
// src/commands/, which may not import the AWS layer (eslint-rules/layers.js).

/** Where the SDK will take credentials from, as far as the environment and files tell. */
export type CredentialSourceKind =
  | 'env-static'
  | 'env-temporary'
  | 'profile-sso'
  | 'profile-static'
  | 'profile-assume-role'
  | 'profile-process'
  | 'profile-web-identity'
  | 'profile-login'
  | 'web-identity'
  | 'container'
  | 'instance'
  | 'none'
