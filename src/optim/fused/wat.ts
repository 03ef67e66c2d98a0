// A tiny assembler for the subset of WebAssembly text (WAT) that simd-kernel.ts is written in: flat
// (unfolded) instructions, named params and locals, one imported memory, exported functions. It turns
// the kernel's readable source into bytes at load time in a few microseconds, so the project needs no
// WAT toolchain (none is installed, and adding an npm dependency for ~1 KB of code is not worth it).
// Every mnemonic it knows is listed in OPCODES; anything else throws. Plain TypeScript: no tfjs.

export type ValType = 'i32' | 'f32' | 'v128';

export interface WatFunction {
  name: string;
  params: [string, ValType][];
  locals: [string, ValType][];
  /** Flat WAT instructions; `;;` starts a comment. Blocks take no type (they yield nothing). */
  body: string;
}

const TYPE_CODE: Record<ValType, number> = { i32: 0x7f, f32: 0x7d, v128: 0x7b };

/** Plain opcodes (one byte) and SIMD opcodes (0xfd prefix + LEB128). */
const OPCODES: Record<string, number[]> = {
  block: [0x02],
  loop: [0x03],
  if: [0x04],
  else: [0x05],
  end: [0x0b],
  br: [0x0c],
  br_if: [0x0d],
  return: [0x0f],
  drop: [0x1a],
  select: [0x1b],
  'local.get': [0x20],
  'local.set': [0x21],
  'local.tee': [0x22],
  'i32.const': [0x41],
  'f32.const': [0x43],
  'i32.eqz': [0x45],
  'i32.eq': [0x46],
  'i32.ne': [0x47],
  'i32.lt_u': [0x49],
  'i32.gt_u': [0x4b],
  'i32.ge_u': [0x4f],
  'i32.add': [0x6a],
  'i32.sub': [0x6b],
  'i32.mul': [0x6c],
  'i32.and': [0x71],
  'i32.shl': [0x74],
  'v128.load': [0xfd, 0x00],
  'v128.store': [0xfd, 0x0b],
  'i32x4.splat': [0xfd, 0x11],
  'f32x4.splat': [0xfd, 0x13],
  'f32x4.lt': [0xfd, 0x43],
  'v128.and': [0xfd, 0x4e],
  'v128.bitselect': [0xfd, 0x52],
  'f32x4.floor': [0xfd, 0x68],
  'f32x4.nearest': [0xfd, 0x6a],
  'i32x4.shl': [0xfd, 0xab, 0x01],
  'i32x4.add': [0xfd, 0xae, 0x01],
  'f32x4.abs': [0xfd, 0xe0, 0x01],
  'f32x4.neg': [0xfd, 0xe1, 0x01],
  'f32x4.sqrt': [0xfd, 0xe3, 0x01],
  'f32x4.add': [0xfd, 0xe4, 0x01],
  'f32x4.sub': [0xfd, 0xe5, 0x01],
  'f32x4.mul': [0xfd, 0xe6, 0x01],
  'f32x4.div': [0xfd, 0xe7, 0x01],
  'f32x4.min': [0xfd, 0xe8, 0x01],
  'f32x4.max': [0xfd, 0xe9, 0x01],
  'f32x4.pmin': [0xfd, 0xea, 0x01],
  'f32x4.pmax': [0xfd, 0xeb, 0x01],
  'i32x4.trunc_sat_f32x4_s': [0xfd, 0xf8, 0x01],
};

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    const done = (n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

function f32Bytes(x: number): number[] {
  return [...new Uint8Array(new Float32Array([x]).buffer)];
}

const utf8 = (s: string): number[] => [...new TextEncoder().encode(s)];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

function assembleBody(f: WatFunction): number[] {
  const index = new Map<string, number>();
  [...f.params, ...f.locals].forEach(([name], i) => {
    index.set(name, i);
  });
  const tokens = f.body
    .replace(/;;[^\n]*/g, '')
    .split(/\s+/)
    .filter((t) => t !== '');
  const out: number[] = [];
  const next = (what: string): string => {
    const t = tokens.shift();
    if (t === undefined) throw new Error(`wat ${f.name}: ${what} expected at the end`);
    return t;
  };
  while (tokens.length > 0) {
    const op = next('instruction');
    const code = OPCODES[op];
    if (!code) throw new Error(`wat ${f.name}: unknown instruction '${op}'`);
    out.push(...code);
    if (op === 'block' || op === 'loop' || op === 'if') out.push(0x40);
    else if (op.startsWith('local.')) {
      const name = next('local name');
      const i = index.get(name.replace(/^\$/, ''));
      if (i === undefined) throw new Error(`wat ${f.name}: unknown local '${name}'`);
      out.push(...uleb(i));
    } else if (op === 'br' || op === 'br_if') out.push(...uleb(Number.parseInt(next('label depth'), 10)));
    else if (op === 'i32.const') out.push(...sleb(Number.parseInt(next('integer'), 10)));
    else if (op === 'f32.const') out.push(...f32Bytes(Number(next('number'))));
    else if (op === 'v128.load' || op === 'v128.store') {
      let offset = 0;
      if (tokens[0]?.startsWith('offset=')) offset = Number.parseInt(next('offset').slice(7), 10);
      out.push(0x00, ...uleb(offset)); // alignment hint 2^0: the heap gives no 16-byte promise
    }
  }
  const locals = f.locals.map(([, t]) => [1, TYPE_CODE[t]]);
  const code = [...vec(locals), ...out, 0x0b];
  return [...uleb(code.length), ...code];
}

/** A module importing `env.memory` (any size, not shared) and exporting `functions` by name. */
export function assembleModule(functions: WatFunction[]): Uint8Array<ArrayBuffer> {
  const types = functions.map((f) => [0x60, ...vec(f.params.map(([, t]) => [TYPE_CODE[t]])), 0x00]);
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    // (import "env" "memory" (memory 1)): limits without a maximum, so any tfjs heap size matches.
    ...section(2, vec([[...uleb(3), ...utf8('env'), ...uleb(6), ...utf8('memory'), 0x02, 0x00, 0x01]])),
    ...section(3, vec(functions.map((_, i) => uleb(i)))),
    ...section(7, vec(functions.map((f, i) => [...uleb(f.name.length), ...utf8(f.name), 0x00, ...uleb(i)]))),
    ...section(10, vec(functions.map(assembleBody))),
  ];
  return new Uint8Array(bytes);
}
