// The MNIST pixel kernel's WebAssembly text (pixel-kernel-wasm.ts says what it is for). Only the build
// script (`npm run build:wasm`, which assembles it with wabt) and the tests import this file; the app loads
// the assembled bytes (pixel-kernel.bytes.ts).
//
// bytesToUnit(src, dst, n): the n bytes at src become n float32 at dst, each byte / 255. f32x4.div is
// IEEE division, correctly rounded, so every float is exactly MNIST_BYTE_TO_UNIT's (byte / 255 rounded
// once from float64: the quotient of a byte by 255 is never near a float32 tie). n is a multiple of 16:
// each turn widens 16 bytes (u8 → u16 → u32), converts them, divides and stores four f32x4.

/** Widens, converts, divides by $d and stores at $dst + offset (the halves in $h; `part` picks 4 of 8). */
const store = (part: 'low' | 'high', offset: number): string => `
      local.get $dst
      local.get $h i32x4.extend_${part}_i16x8_u f32x4.convert_i32x4_u local.get $d f32x4.div
      v128.store offset=${offset} align=1`;

export function pixelKernelWat(): string {
  return `(module
  (import "env" "memory" (memory 1))
  (func $bytesToUnit (export "bytesToUnit") (param $src i32) (param $dst i32) (param $n i32)
    (local $end i32) (local $b v128) (local $h v128) (local $d v128)
    f32.const 255 f32x4.splat local.set $d
    local.get $src local.get $n i32.add local.set $end
    block $done loop $next
      local.get $src local.get $end i32.ge_u br_if $done
      local.get $src v128.load align=1 local.set $b
      local.get $b i16x8.extend_low_i8x16_u local.set $h${store('low', 0)}${store('high', 16)}
      local.get $b i16x8.extend_high_i8x16_u local.set $h${store('low', 32)}${store('high', 48)}
      local.get $src i32.const 16 i32.add local.set $src
      local.get $dst i32.const 64 i32.add local.set $dst
      br $next
    end end)
)
`;
}
