/**
 * Every bundled fact about AWS or Anthropic, by id: docs/facts.md is generated from this list
 * (scripts/docs/facts.ts), and `bedrock-preflight facts --check` compares the live answers with it.
 */
import type { Fact } from './fact.js'
import { API_KEY_FORMATS_FACT, BEARER_CONDITION_KEYS_FACT } from './api-keys.js'
import { MANTLE_REGIONS_FACT } from './mantle-regions.js'
import {
  FALLBACK_MODEL_FACT,
  LIFECYCLE_FACT,
  MESSAGES_API_FACT,
  MODEL_FAMILIES_FACT
} from './models.js'
import { GEO_DESTINATIONS_FACT, GEOGRAPHIES_FACT } from './profile-prefixes.js'
import {
  ACCOUNT_DAILY_CODE_FACT,
  LONG_CONTEXT_QUOTAS_FACT,
  MAX_OUTPUT_TOKENS_FACT,
  NEWEST_MAX_OUTPUT_FACT,
  QUOTA_HINTS_FACT,
  QUOTA_METRICS_FACT,
  QUOTA_REQUEST_FACT,
  STALE_RPM_CODES_FACT
} from './quota-hints.js'
import { KNOWN_REGIONS_FACT, PARTITIONS_FACT } from './regions.js'
import { SERVICE_TIERS_FACT } from './service-tiers.js'

export const FACTS: Readonly<Record<string, Fact<unknown>>> = {
  regions: KNOWN_REGIONS_FACT,
  partitions: PARTITIONS_FACT,
  'profile-geographies': GEOGRAPHIES_FACT,
  'profile-destinations': GEO_DESTINATIONS_FACT,
  'mantle-regions': MANTLE_REGIONS_FACT,
  'quota-metrics': QUOTA_METRICS_FACT,
  'quota-codes': QUOTA_HINTS_FACT,
  'account-daily-quota-code': ACCOUNT_DAILY_CODE_FACT,
  'stale-rpm-quota-codes': STALE_RPM_CODES_FACT,
  'long-context-quota-codes': LONG_CONTEXT_QUOTAS_FACT,
  'quota-request': QUOTA_REQUEST_FACT,
  'api-key-formats': API_KEY_FORMATS_FACT,
  'bearer-condition-keys': BEARER_CONDITION_KEYS_FACT,
  'model-families': MODEL_FAMILIES_FACT,
  'output-maximums': MAX_OUTPUT_TOKENS_FACT,
  'newest-output-maximum': NEWEST_MAX_OUTPUT_FACT,
  lifecycle: LIFECYCLE_FACT,
  'fallback-model': FALLBACK_MODEL_FACT,
  'messages-api': MESSAGES_API_FACT,
  'service-tiers': SERVICE_TIERS_FACT
}
