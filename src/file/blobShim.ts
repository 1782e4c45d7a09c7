// WebKitGTK cannot read a Blob inside a worker started from a file:// page: every read
// (stream(), arrayBuffer(), Response) fails with "The I/O read operation failed", though
// the same code works on the page. The reader inflates zip entries through
// Blob.stream() → DecompressionStream, so there the worker's Blob keeps the bytes it was
// made from and is read from them (a ReadableStream over memory works in that worker).
// Everywhere else nothing is changed.

function bytesOf(part: BlobPart): Uint8Array {
  if (typeof part === "string") return new TextEncoder().encode(part);
  if (part instanceof ArrayBuffer) return new Uint8Array(part);
  if (ArrayBuffer.isView(part)) return new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
  const kept = memory.get(part);
  if (kept) return kept;
  throw new TypeError("Không đọc được phần dữ liệu này của tệp.");
}

const memory = new WeakMap<object, Uint8Array>();

function concat(parts: readonly BlobPart[]): Uint8Array {
  const arrays = parts.map(bytesOf);
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

async function blobsReadable(): Promise<boolean> {
  try {
    return (await new Blob([new Uint8Array([1, 2, 3])]).arrayBuffer()).byteLength === 3;
  } catch {
    return false;
  }
}

/** Resolves once Blob reading works in this worker (shimmed if it did not). */
export async function readableBlobs(): Promise<void> {
  if (typeof Blob === "undefined" || (await blobsReadable())) return;
  const Native = Blob;
  class MemoryBlob extends Native {
    constructor(parts: BlobPart[] = [], options?: BlobPropertyBag) {
      super([], options);
      memory.set(this, concat(parts));
    }
    private kept(): Uint8Array {
      return memory.get(this) ?? new Uint8Array(0);
    }
    override bytes(): Promise<Uint8Array<ArrayBuffer>> {
      return Promise.resolve(this.kept().slice());
    }
    override get size(): number {
      return this.kept().length;
    }
    override arrayBuffer(): Promise<ArrayBuffer> {
      return Promise.resolve(this.kept().slice().buffer);
    }
    override text(): Promise<string> {
      return Promise.resolve(new TextDecoder().decode(this.kept()));
    }
    override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
      const b = this.kept().slice();
      return new ReadableStream<Uint8Array<ArrayBuffer>>({
        start(c) {
          c.enqueue(b);
          c.close();
        },
      });
    }
    override slice(start?: number, end?: number, type?: string): Blob {
      return new MemoryBlob([this.kept().slice(start, end)], { type });
    }
  }
  (globalThis as { Blob: typeof Blob }).Blob = MemoryBlob;
}
