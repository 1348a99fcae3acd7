/**
 * Shared setup for the bedrock-mantle checks' unit tests. bedrock-mantle has no AWS SDK client, so
 * there is nothing for aws-sdk-client-mock to mock: its answers come from the local fake
 * (fake-mantle.ts) on 127.0.0.1, reached through AWS_ENDPOINT_URL_BEDROCK_MANTLE; STS is mocked.
 */
import { runPreflight } from '../../src/engine/run-preflight.js'
import { checkById } from '../../src/checks/registry.js'
import type { CheckId } from '../../src/checks/registry.js'
import type { PreflightConfig } from '../../src/config.js'
import { startFakeAws, type FakeAws } from '../harness/fake-aws.js'
import { mantleHandlers, mantleWorld, type MantleWorld } from '../harness/fake-mantle.js'
import { config, resetMocks } from './model-unit.js'

export function useMantle(): { fake: () => FakeAws; run: RunMantle } {
  let fake: FakeAws | undefined
  beforeAll(async () => {
    fake = await startFakeAws()
  })
  afterAll(async () => fake?.close())
  beforeEach(() => {
    resetMocks()
    fake!.requests.splice(0)
    fake!.handle(mantleHandlers())
  })
  const run: RunMantle = (checks, models, overrides = {}, world) => {
    if (world) fake!.handle(mantleHandlers(mantleWorld(world)))
    const base = config(['us-east-1'], models, {
      endpoint: { value: 'mantle', source: 'input endpoint' },
      ...overrides
    })
    return runPreflight(
      {
        ...base,
        env: {
          ...base.env,
          AWS_ENDPOINT_URL_BEDROCK_MANTLE: fake!.env.AWS_ENDPOINT_URL_BEDROCK_MANTLE
        }
      },
      {
        checks: (['region', 'credentials', 'identity', 'api-key', ...checks] as const).map(
          checkById
        )
      }
    )
  }
  return { fake: () => fake!, run }
}

type RunMantle = (
  checks: CheckId[],
  models: string[],
  overrides?: Partial<PreflightConfig>,
  world?: Partial<MantleWorld>
) => ReturnType<typeof runPreflight>
