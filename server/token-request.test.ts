import { describe, expect, it } from 'vitest';
import { janeTokenExchangeFixture } from '../src/contracts/token-api';
import { parseTokenRequest } from './token-request';

describe('parseTokenRequest', () => {
  it('accepts the shared fixture and ignores unknown fields', () => {
    const body = JSON.stringify({ ...janeTokenExchangeFixture.request, ttl: 999_999 });
    expect(parseTokenRequest(body)).toEqual({ ok: true, request: janeTokenExchangeFixture.request });
  });

  it.each([
    ['', 'The request body is not valid JSON.'],
    ["{'user_name':'Jane'}", 'The request body is not valid JSON.'],
    ['[]', 'The request body must be a JSON object with user_name and mobile_api_key.'],
    ['{"user_name":["Jane"],"mobile_api_key":"k"}', 'user_name must be a string.'],
    ['{"mobile_api_key":"k"}', 'user_name is required.'],
  ])('explains what is wrong with %j', (body, error) => {
    expect(parseTokenRequest(body)).toEqual({ ok: false, error });
  });
});
