// The floor under every cold-start figure: a Node.js process that loads no code of ours and
// sends one unsigned STS request, run exactly like dist/index.js (same preloads, same fake AWS).
// `npm run bench` reports it beside the action so the budget left to the action is plain.
import { request } from 'node:http'

const url = new URL(`${process.env.AWS_ENDPOINT_URL_STS}/`)
const body = 'Action=GetCallerIdentity&Version=2011-06-15'
const req = request(
  url,
  { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
  (res) => {
    res.resume()
    res.on('end', () => process.exit(0))
  }
)
req.on('error', () => process.exit(1))
req.end(body)
