/** A duration as a person says it: `0.4 s`, `12 s`, `3 min 5 s`, `2 h 4 min`, `329 days`. */
export function humanDuration(ms: number): string {
  const s = Math.abs(ms) / 1000
  if (s < 10) return `${s.toFixed(1)} s`
  if (s < 60) return `${Math.round(s)} s`
  const min = Math.floor(s / 60)
  if (min < 60) return `${min} min${s % 60 >= 1 ? ` ${Math.floor(s % 60)} s` : ''}`
  const h = Math.floor(min / 60)
  if (h < 48) return `${h} h${min % 60 ? ` ${min % 60} min` : ''}`
  return `${Math.floor(h / 24)} days`
}
