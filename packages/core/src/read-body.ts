// Bounded reading of HTTP bodies, for a browser (responses) and a server (requests) alike.

export type BodyResult = { kind: 'ok'; bytes: Uint8Array } | { kind: 'too_large' };

/**
 * Reads a request body up to `limit` bytes. A declared `content-length` over the limit is
 * refused before a byte is read; a body that grows past it is cancelled at that point, so a
 * 10 MB upload costs at most `limit` bytes of memory. When `signal` aborts (a deadline), the
 * body is cancelled there and the read rejects with the signal's reason.
 */
export async function readBodyLimited(
  request: Request,
  limit: number,
  signal?: AbortSignal,
): Promise<BodyResult> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) {
    request.body?.cancel().catch(() => {});
    return { kind: 'too_large' };
  }
  const stream = request.body;
  if (stream === null) return { kind: 'ok', bytes: new Uint8Array(0) };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = signal ? await untilAborted(reader.read(), signal) : await reader.read();
    } catch (error) {
      if (signal?.aborted) reader.cancel().catch(() => {});
      throw error;
    }
    const { done, value } = chunk;
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      reader.cancel().catch(() => {});
      return { kind: 'too_large' };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { kind: 'ok', bytes };
}

/** Settles like `promise`, or rejects as soon as `signal` aborts: a fetch that ignores it cannot hang us. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Reads at most `limit` bytes of the body as UTF-8; the rest is cancelled, not downloaded. */
export async function readResponseText(
  response: Response,
  limit: number,
  signal: AbortSignal,
): Promise<{ text: string; truncated: boolean }> {
  const stream = response.body;
  if (stream === null || typeof stream?.getReader !== 'function') {
    const text = await untilAborted(response.text(), signal);
    return text.length > limit ? { text: text.slice(0, limit), truncated: true } : { text, truncated: false };
  }
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  let truncated = false;
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), signal);
      if (done) break;
      const chunk = value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBufferLike);
      if (size + chunk.byteLength > limit) {
        text += decoder.decode(chunk.subarray(0, limit - size), { stream: true });
        truncated = true;
        break;
      }
      size += chunk.byteLength;
      text += decoder.decode(chunk, { stream: true });
    }
    text += decoder.decode();
  } finally {
    if (truncated || signal.aborted) reader.cancel().catch(() => {});
    else reader.releaseLock();
  }
  return { text, truncated };
}
