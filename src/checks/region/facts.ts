/** What `region` tells: the region as parsed. */
export interface RegionFacts extends Record<string, unknown> {
  region: string
}
