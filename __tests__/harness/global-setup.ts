import { execFileSync } from 'node:child_process'

/**
 * Builds the bundle the end-to-end tests run, exactly as `npm run package` does. BP_DIST_DIR builds
 * elsewhere (parallel work in one checkout); CI's check-dist proves dist/ equals this build.
 */
export default function globalSetup(): void {
  if (process.env.BP_SKIP_BUILD === '1') return
  const outdir = process.env.BP_DIST_DIR ?? 'dist'
  execFileSync(process.execPath, ['scripts/package.mjs', '--outdir', outdir], { stdio: 'inherit' })
}
