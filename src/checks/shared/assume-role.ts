/**
 * What the checks that assume a role to prove it (role-trust, oidc-trust) share: how their
 * throw-away sessions are named and how long they last.
 */

/** The session name of every role the preflight assumes: easy to find in CloudTrail. */
export const SESSION_NAME = 'bedrock-preflight'

/** The shortest session STS grants: the credentials are thrown away at once anyway. */
export const SESSION_SECONDS = 900
