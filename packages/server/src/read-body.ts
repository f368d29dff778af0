export type BodyResult = { kind: 'ok'; bytes: Uint8Array } | { kind: 'too_large' };

/**
 * Reads a request body up to `limit` bytes. A declared `content-length` over the limit is
 * refused before a byte is read; a body that grows past it is cancelled at that point, so a
 * 10 MB upload costs at most `limit` bytes of memory.
 */
export async function readBodyLimited(request: Request, limit: number): Promise<BodyResult> {
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
    const { done, value } = await reader.read();
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
