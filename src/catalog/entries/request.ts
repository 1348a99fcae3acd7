import type { CatalogEntry } from '../entry.js'
import { DocUrl } from '../../data/doc-url.js'

const MESSAGES_API = DocUrl.messagesParameters

/**
 * Requests Bedrock (bedrock-runtime's InvokeModel and Converse, and the Anthropic Messages API as
 * bedrock-mantle serves it) reads and refuses: the request's shape, or a parameter beyond what the
 * model takes. Credentials, permissions and model access are fine when one of these comes back.
 * The wordings are Bedrock's and Anthropic's, as src/catalog/inventory/bedrock-validation.json
 * records them with their sources.
 */
export const REQUEST_ENTRIES = [
  {
    id: 'prompt-too-long',
    title: 'Prompt longer than the model takes',
    patterns: [
      /prompt is too long: \d+ tokens > \d+ maximum/i,
      /Malformed input request: expected maxLength: \d+, actual: \d+/i,
      /Input is too long for requested model/i,
      /input length and '?max_tokens'? exceed context limit/i,
      /\bprompt_too_long\b/,
      /too many total text bytes/i,
      /The model returned the following errors: .{0,80}(?:too long|exceeds? the context)/i
    ],
    cause:
      "The conversation, with its system prompt, tools and files, is longer than the model's context window (200K tokens for most Claude models; 1M only for the models and regions that offer it), or it and `max_tokens` together are. The request never reached the model.",
    fix: () =>
      'Shorten the input: compact or clear the conversation (`/compact` or `/clear` in Claude Code), send fewer or smaller files, or lower `max_tokens` so input plus output fits the window. A tool that does not trim its history on its own needs an update or a smaller context setting.',
    doc: MESSAGES_API,
    verdict: 'fail'
  },
  {
    id: 'max-tokens-too-large',
    title: 'max_tokens above the model limit',
    patterns: [
      /max_tokens: \d+ > \d+, which is the maximum allowed number of output tokens/i,
      /Malformed input request: \d+ is not less or equal to \d+/i,
      /The maximum tokens you requested exceeds the model limit of \d+/i,
      /max_tokens.{0,40}(?:exceeds|greater than|must be less than or equal to)/i,
      /\bmaxTokens\b.{0,40}(?:exceeds|greater than)/i
    ],
    cause:
      "`max_tokens` (Converse's `maxTokens`) asks for more output than this model can produce. Each Claude model has its own output limit, and a value set for one model fails on another (an older or smaller model, or a profile that routes to one).",
    fix: () =>
      "Lower `max_tokens` to the model's output limit (the message names it), or leave it to the tool's default. In Claude Code, `CLAUDE_CODE_MAX_OUTPUT_TOKENS` sets it; in LiteLLM and SDK code, the request's `max_tokens`.",
    doc: MESSAGES_API,
    verdict: 'fail'
  },
  {
    id: 'thinking-budget-not-below-max-tokens',
    title: 'Thinking budget not below max_tokens',
    before: 'thinking-parameters-invalid',
    patterns: [
      /'?max_tokens'? must be greater than '?thinking\.budget_tokens'?/i,
      /max_tokens must be greater than thinking budget/i
    ],
    cause:
      'Extended thinking is on and its `budget_tokens` is equal to or above `max_tokens`: thinking is drawn from the same output budget as the answer, so the model refuses a budget that leaves nothing to answer with. It comes of a budget set for one model (or a large `max_tokens`) used with a smaller output limit.',
    fix: () =>
      "Set `thinking.budget_tokens` below `max_tokens` (and at least 1024), or raise `max_tokens` up to the model's output limit. In Claude Code, `MAX_THINKING_TOKENS` (the budget) must stay below `CLAUDE_CODE_MAX_OUTPUT_TOKENS`; unset both to use its defaults. Behind LiteLLM or another proxy, check the `max_tokens` and `thinking` it sends for the model.",
    doc: DocUrl.extendedThinking,
    verdict: 'fail'
  },
  // Limits: Bedrock's Claude Messages parameters page ("up to 20 images … no more than 3.75 MB,
  // 8,000 px"), read 2026-12; the texts: src/catalog/inventory/bedrock-validation.json.
  {
    id: 'too-many-images',
    title: 'Too many images in one request',
    before: 'request-shape-invalid',
    patterns: [
      /too many images and documents: \d+ \+ \d+ > \d+/i,
      /Too much media: \d+ document pages \+ \d+ images > \d+/i,
      /exceed max allowed size for many-image requests/i
    ],
    cause:
      "The conversation carries more images (and document pages) than one request may: on Bedrock, 20 images a request for Claude through InvokeModel and Converse (Anthropic's own API takes 100 or more); past 20 images, each may be at most 2000 px a side. Screenshots and pasted images pile up in an agent's history until every request carries too many.",
    fix: () =>
      "Drop old images from the conversation: `/compact` or `/clear` in Claude Code, or start a new session and attach fewer images. In your own code, send at most 20 images a request to Bedrock (and at most 2000 px a side once there are more than 20 on Anthropic's API), or summarise earlier images as text.",
    doc: MESSAGES_API,
    verdict: 'fail'
  },
  {
    id: 'image-too-large',
    title: 'Image over the size limit',
    before: 'request-shape-invalid',
    patterns: [
      /image exceeds \d+ MB maximum: \d+ bytes > \d+ bytes/i,
      /image dimensions exceed max allowed size: \d+ pixels/i
    ],
    cause:
      "An image in the request is larger than the model takes: Bedrock and Anthropic's API refuse an image over 5 MB as sent (base64, a third larger than the file, so about 3.75 MB of file) or over 8000 px a side.",
    fix: () =>
      'Resize or recompress the image before sending it (for example to at most 1568 px on the long side, which Claude does not downscale, as JPEG), or send fewer and smaller screenshots. In Claude Code, start a new session or `/clear` so the oversized image is no longer resent.',
    doc: MESSAGES_API,
    verdict: 'fail'
  },
  {
    id: 'thinking-parameters-invalid',
    title: 'Extended thinking settings refused',
    before: 'max-tokens-too-large',
    patterns: [
      /thinking\.(?:enabled\.)?budget_tokens/i,
      /'?max_tokens'? must be greater than '?thinking\.budget_tokens'?/i,
      /thinking (?:is )?not supported|does not support (?:extended )?thinking/i,
      /Expected '?thinking'? or '?redacted_thinking'?, but found/i,
      /'?temperature'? may only be set to 1 when thinking is enabled/i
    ],
    cause:
      'The extended-thinking settings do not fit the request: `budget_tokens` below 1,024 or not below `max_tokens`, thinking asked of a model that does not offer it, sampling settings thinking does not allow, or a conversation whose earlier thinking blocks were dropped or changed.',
    fix: () =>
      'Keep `budget_tokens` at least 1024 and below `max_tokens`, leave `temperature` at 1 (and `top_p`/`top_k` unset) with thinking on, pass earlier thinking blocks back unchanged, or turn thinking off for models without it. In Claude Code, `MAX_THINKING_TOKENS` sets the budget.',
    doc: DocUrl.extendedThinking,
    verdict: 'fail'
  },
  {
    id: 'sampling-parameters-conflict',
    title: 'Sampling parameters refused',
    patterns: [
      /'?temperature'? and '?top_p'? cannot both be specified/i,
      /\btemperature: range: /i,
      /\btop_[pk]: range: /i
    ],
    cause:
      'The request sets sampling parameters this model does not take together or out of range: newer Claude models refuse `temperature` and `top_p` in the same request, and each has its range (`temperature` 0–1).',
    fix: () =>
      'Send only one of `temperature` and `top_p`, within range. Behind LiteLLM or another proxy, drop the parameter there (LiteLLM: `drop_params: true`), or update the tool that sets both.',
    doc: MESSAGES_API,
    verdict: 'fail'
  },
  {
    id: 'request-shape-invalid',
    title: 'Conversation shape refused',
    patterns: [
      /roles must alternate between \\?"user\\?" and \\?"assistant/i,
      /A conversation must (?:alternate between user and assistant roles|start with a user message)/i,
      /Malformed input request: /i,
      /final assistant content cannot end with trailing whitespace/i,
      /text content blocks must (?:be non-empty|contain non-whitespace text)/i,
      /The text field in the ContentBlock object at .* is blank/i,
      /'?tool_use'? ids were found without '?tool_result'? blocks immediately after/i,
      /unexpected '?tool_use_id'? found in '?tool_result'? blocks/i,
      /messages\.\d+\.content(?:\.\d+)?(?:\.\w+)*: /i,
      /The number of toolResult blocks at .* exceeds the number of toolUse blocks/i,
      /\bmessages: (?:at least one message is required|Input should be a valid list)/i,
      /Parameter validation failed:\s*(?:Missing required parameter|Invalid type for parameter|Unknown parameter) in input/i
    ],
    cause:
      "The request body is not a conversation the model takes: roles that do not alternate user/assistant, a conversation that does not start with the user, an empty or whitespace-only text block, a tool call without its result (or a result without its call), or a field Bedrock's schema does not have. The tool built the request wrongly; credentials and model access are fine.",
    fix: () =>
      "This is the calling tool's bug or an unsupported setting: update it, and report the message to its maintainers. In your own code, merge consecutive messages of the same role, start with a `user` turn, drop empty text blocks, answer every `tool_use` with a `tool_result` in the next user turn, and send only the fields the model's request body documents.",
    doc: MESSAGES_API,
    verdict: 'fail'
  },
  // Bedrock's answers to a service tier it does not serve (envoyproxy/ai-gateway#1749, 2026-01-09:
  // reserved without a reservation; NousResearch/hermes-agent#34476, 2026-05-29: "cheapest").
  {
    id: 'service-tier-refused',
    title: 'Service tier not served',
    patterns: [/Reservation not found/i, /service tier provided is invalid/i],
    cause:
      "The request asks for a service tier (the `X-Amzn-Bedrock-Service-Tier` header, Converse's `serviceTier`) Bedrock does not serve for it: a value other than priority, default, flex or reserved, or `reserved` without a capacity reservation for this model in this account and region. Credentials, permissions and model access are fine.",
    fix: () =>
      'Ask for a tier the model offers here, or leave the tier out to use the default one. In Claude Code, `ANTHROPIC_BEDROCK_SERVICE_TIER` sets it; `reserved` needs a reservation made with AWS first.',
    doc: DocUrl.serviceTier,
    verdict: 'fail'
  },
  {
    id: 'model-feature-unsupported',
    title: 'The model does not offer this feature',
    patterns: [
      /This model doesn't support (?:tool use|the toolConfig|system messages|documents|images|streaming)/i,
      /doesn't support tool use in streaming mode/i,
      /\bdoes not support (?:tool use|tools|images|PDF|prompt caching|the '?\w+'? parameter)/i,
      /The model that you are using requires the last turn in the conversation to be a user message/i
    ],
    cause:
      'The request asks for a feature this model (or this API on it) does not offer: tools, streaming with tools, images or documents, a system prompt or prompt caching.',
    fix: () =>
      'Use a model that offers it (current Claude models take tools, images, documents and caching), or leave the feature out for this model. A tool that picked the model for you: point it at a current Claude model ID or inference profile.',
    doc: DocUrl.conversationFeatures,
    verdict: 'fail'
  }
] as const satisfies readonly CatalogEntry<string>[]
