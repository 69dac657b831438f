import type { OcrResponse, QuotaCount, TipsResponse } from './types.js';

/** Why a token was turned away: the two cases the "Tips" answer tells apart. */
export type TokenRefusal = 'invalid-token' | 'quota-exhausted';

export const tipsMessages: Record<TokenRefusal, string> = {
  'invalid-token':
    'The token is invalid: check the token parameter, or ask the server operator for a token (ocr-assistant token add).',
  'quota-exhausted': "Today's API quota has been exhausted, please recharge and continue to use it!",
};

export function tipsResponse(ocrType: number, refusal: TokenRefusal): TipsResponse {
  const message = tipsMessages[refusal];
  return { ocrType, processName: 'Tips', result: { spiltText: message, autoText: message }, id: 1 };
}

/** Tells a "Tips" answer from a real response, and which refusal it carries. */
export function tipsRefusal(body: OcrResponse | TipsResponse): TokenRefusal | undefined {
  if (body.processName !== 'Tips') return undefined;
  const text = body.result?.autoText ?? '';
  return /quota/i.test(text) ? 'quota-exhausted' : 'invalid-token';
}

export const noQuota: QuotaCount = { Account: 'api', TodayCount: 0, LimitCount: 0 };
