// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readResponseText } from './read-body';

/** A response whose body streams `size` bytes of `a`, with whatever headers it claims. */
function streamed(size: number, headers: Record<string, string>): Response {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = Math.min(1024, size - sent);
      if (chunk <= 0) controller.close();
      else {
        controller.enqueue(new Uint8Array(chunk).fill(97));
        sent += chunk;
      }
    },
  });
  return new Response(body, { headers });
}

describe('readResponseText', () => {
  const signal = new AbortController().signal;

  it('reads a body whose declared length fits, whole', async () => {
    const read = await readResponseText(streamed(3000, { 'content-length': '3000' }), 4096, signal);
    expect(read).toEqual({ text: 'a'.repeat(3000), truncated: false });
  });

  it('stops at the limit when the body is larger than it, with or without a declared length', async () => {
    for (const headers of [{}, { 'content-length': '10000' }] as Record<string, string>[]) {
      const read = await readResponseText(streamed(10_000, headers), 4096, signal);
      expect(read.truncated).toBe(true);
      expect(read.text.length).toBe(4096);
    }
  });
});
