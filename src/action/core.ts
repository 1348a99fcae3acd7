// The parts of @actions/core the action uses, imported by name. Loading the whole namespace (as
// `import('@actions/core')` does) keeps every export, and one of them, core.platform, bundles
// the functions of the toolkit's exec and io packages: code that starts processes, which the
// action never needs.
export {
  debug,
  error,
  getIDToken,
  info,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from '@actions/core'
