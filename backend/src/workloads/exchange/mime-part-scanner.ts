import { MimeNode } from '@zone-eu/mailsplit';

/** What a scanner reports: each part's parsed header block, and the raw bytes of leaf bodies. */
export interface MimePartListener {
  part(node: MimeNode): void;
  body(node: MimeNode, bytes: Buffer): void;
}

/** mailsplit's limit for one header block; beyond it the scanner stops (a crafted message, not mail). */
const maxHeaderBytes = 1024 * 1024;
/** Past this many parts the scanner stops: no mail client shows more. */
const maxParts = 10_000;
/** A delimiter line is `--`, a boundary of at most 70 characters, maybe `--` and whitespace (RFC 2046 5.1.1). */
const maxDelimiterLine = 256;

const newline = 0x0a;
const delimiterStart = Buffer.from('\n--', 'latin1');
const virtualLineStart = Buffer.from('\n', 'latin1');

/**
 * Walks the MIME tree of a message as its bytes arrive, without holding the message: header blocks are read whole
 * (at most 1 MiB each) and parsed by mailsplit's MimeNode (RFC 2231 parameters, encoded words); bodies are only
 * searched for the delimiter lines of the open multiparts, with `Buffer.indexOf`, so a 30 MB attachment costs a scan
 * for `\n--`, not a line-by-line parse. Attached messages (message/rfc822) are leaves: their parts are theirs. After
 * `failed` is set the scanner ignores its input.
 */
export class MimePartScanner {
  failed = false;
  private readonly open: { node: MimeNode; delimiter: Buffer }[] = [];
  private parts = 0;
  /** The part whose header block is being read; undefined while a body is being scanned. */
  private heading: { parent: MimeNode | false; block: Buffer } | undefined = { parent: false, block: Buffer.alloc(0) };
  /** The leaf whose body is being scanned (undefined in a preamble or epilogue). */
  private leaf: MimeNode | undefined;
  /** The unfinished last line of the previous chunk, from its `\n`, or a `\n` standing for the start of a body. */
  private carry: Buffer = Buffer.alloc(0);
  private carryIsVirtual = false;

  constructor(private readonly listener: MimePartListener) {}

  write(chunk: Buffer): void {
    if (this.failed) return;
    try {
      this.consume(chunk);
    } catch {
      this.failed = true;
    }
  }

  end(): void {
    if (this.failed) return;
    if (this.heading && this.heading.block.length > 0) this.startPart(this.heading.block, Buffer.alloc(0));
    else if (this.leaf && this.carry.length > 0) this.emit(this.carry.subarray(this.carryIsVirtual ? 1 : 0));
    this.carry = Buffer.alloc(0);
  }

  private consume(chunk: Buffer): void {
    let rest: Buffer | undefined = chunk;
    while (rest !== undefined && !this.failed) rest = this.heading ? this.readHeader(rest) : this.scanBody(rest);
  }

  /** Adds bytes to the header block being read; what follows the block is handed back to be scanned as body. */
  private readHeader(chunk: Buffer): Buffer | undefined {
    const heading = this.heading!;
    const searchFrom = Math.max(0, heading.block.length - 3);
    const block = Buffer.concat([heading.block, chunk]);
    const end = headerBlockEnd(block, searchFrom);
    if (end < 0) {
      if (block.length > maxHeaderBytes) this.failed = true;
      else heading.block = block;
      return undefined;
    }
    return this.startPart(block.subarray(0, end), block.subarray(end));
  }

  private startPart(block: Buffer, rest: Buffer): Buffer | undefined {
    const parent = this.heading!.parent;
    this.heading = undefined;
    if (++this.parts > maxParts) {
      this.failed = true;
      return undefined;
    }
    const node = new MimeNode(parent);
    node.addHeaderChunk(block);
    node.parseHeaders();
    this.listener.part(node);
    if (node.multipart && node._boundary) {
      this.open.push({ node, delimiter: Buffer.concat([Buffer.from('--'), node._boundary]) });
      this.leaf = undefined;
    } else {
      this.leaf = node;
    }
    this.carry = virtualLineStart;
    this.carryIsVirtual = true;
    return rest.length > 0 ? rest : undefined;
  }

  /** Looks for delimiter lines; bytes before one belong to the current leaf. Returns what follows a part's start. */
  private scanBody(chunk: Buffer): Buffer | undefined {
    const buffer = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const first = this.carryIsVirtual ? 1 : 0;
    this.carry = Buffer.alloc(0);
    this.carryIsVirtual = false;
    for (let at = buffer.indexOf(delimiterStart); at >= 0; at = buffer.indexOf(delimiterStart, at + 1)) {
      const lineEnd = buffer.indexOf(newline, at + 1);
      if (lineEnd < 0) {
        if (buffer.length - at > maxDelimiterLine) break;
        // The line may be a delimiter that the next chunk completes.
        this.emit(buffer.subarray(first, Math.max(first, at)));
        this.keep(buffer, at, first);
        return undefined;
      }
      const line = buffer
        .subarray(at + 1, lineEnd)
        .toString('latin1')
        .trimEnd();
      const depth = this.delimiterDepth(line);
      if (depth < 0) continue;
      this.emit(buffer.subarray(first, Math.max(first, at)));
      const parent = this.open[depth]!;
      this.open.length = depth + 1;
      this.leaf = undefined;
      if (line.length === parent.delimiter.length + 2) {
        // The close delimiter: what follows is the multipart's epilogue, then its parent's next delimiter.
        this.open.pop();
        this.carry = virtualLineStart;
        this.carryIsVirtual = true;
        return lineEnd + 1 < buffer.length ? buffer.subarray(lineEnd + 1) : undefined;
      }
      this.heading = { parent: parent.node, block: Buffer.alloc(0) };
      return lineEnd + 1 < buffer.length ? buffer.subarray(lineEnd + 1) : undefined;
    }
    const lastLine = buffer.lastIndexOf(newline);
    if (lastLine >= 0 && buffer.length - lastLine <= maxDelimiterLine) {
      this.emit(buffer.subarray(first, Math.max(first, lastLine)));
      this.keep(buffer, lastLine, first);
    } else {
      this.emit(buffer.subarray(first));
    }
    return undefined;
  }

  /** Keeps the last line, from its `\n`, for the next chunk to complete; that `\n` may be the virtual one. */
  private keep(buffer: Buffer, lineStart: number, first: number): void {
    this.carry = buffer.subarray(lineStart);
    this.carryIsVirtual = first === 1 && lineStart === 0;
  }

  /** Which open multipart a line delimits (its index), or -1: inner ones are searched first. */
  private delimiterDepth(line: string): number {
    for (let depth = this.open.length - 1; depth >= 0; depth--) {
      const delimiter = this.open[depth]!.delimiter.toString('latin1');
      if (line === delimiter || line === `${delimiter}--`) return depth;
    }
    return -1;
  }

  private emit(bytes: Buffer): void {
    if (this.leaf && bytes.length > 0) this.listener.body(this.leaf, bytes);
  }
}

/** Where the blank line that ends a header block ends, or -1 (a block may be empty: the part starts with it). */
function headerBlockEnd(block: Buffer, from: number): number {
  if (block[0] === newline) return 1;
  if (block[0] === 0x0d && block[1] === newline) return 2;
  for (let at = block.indexOf(newline, from); at >= 0; at = block.indexOf(newline, at + 1)) {
    if (block[at + 1] === newline) return at + 2;
    if (block[at + 1] === 0x0d && block[at + 2] === newline) return at + 3;
  }
  return -1;
}
