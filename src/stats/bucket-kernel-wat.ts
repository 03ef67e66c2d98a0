// The bucket kernel's WebAssembly text (see bucket-kernel.ts for what it is for). Only the build script
// (`npm run build:wasm`, which assembles it with wabt) and the tests import this file; the app loads the
// assembled bytes (bucket-kernel.bytes.ts).
//
// A value's bucket is the upper 16 bits of its order key (bits < 0 ? ~bits : bits | 0x80000000, so that
// unsigned order is numeric order), with −0 in +0's bucket 0x8000 — radix-ranks.ts's bucketOfSigned.
// Branch-free: s = bits >> 31 (0 or −1); key = bits ^ (s | 0x80000000).

/** The bucket of `$u` on the stack top (the WAT leaves it there); uses no locals but `$u`. */
const BUCKET = `
      local.get $u local.get $u i32.const 31 i32.shr_s i32.const 0x80000000 i32.or i32.xor
      i32.const 16 i32.shr_u
      i32.const 0x8000
      local.get $u i32.const 0x80000000 i32.ne
      select`;

/** Opens the loop over the n values at `$values` (locals $p, $end, $u): each turn has the value's bits in $u. */
const EACH_VALUE = `
    local.get $values local.set $p
    local.get $values local.get $n i32.const 2 i32.shl i32.add local.set $end
    block $done loop $next
      local.get $p local.get $end i32.ge_u br_if $done
      local.get $p i32.load local.set $u
      local.get $p i32.const 4 i32.add local.set $p`;

export function bucketKernelWat(): string {
  return `(module
  (memory (export "memory") 1)
  ;; count(values, n, counts, range) → finite: counts[b] (65,536 u32 at byte offset counts) = how many
  ;; finite values lie in bucket b; NaN and ±Infinity are skipped. range[0], range[1] (u32) = the lowest and
  ;; the highest bucket counted (0xffff and 0 when none is), so that readers scan only that span.
  (func $count (export "count") (param $values i32) (param $n i32) (param $counts i32) (param $range i32) (result i32)
    (local $p i32) (local $end i32) (local $u i32) (local $at i32) (local $finite i32) (local $b i32)
    (local $lo i32) (local $hi i32)
    local.get $counts i32.const 0 i32.const 262144 memory.fill
    i32.const 0xffff local.set $lo
    ${EACH_VALUE}
      local.get $u i32.const 0x7f800000 i32.and i32.const 0x7f800000 i32.eq br_if $next
      ${BUCKET}
      local.tee $b
      i32.const 2 i32.shl local.get $counts i32.add local.tee $at
      local.get $at i32.load i32.const 1 i32.add i32.store
      local.get $b local.get $lo local.get $b local.get $lo i32.lt_u select local.set $lo
      local.get $b local.get $hi local.get $b local.get $hi i32.gt_u select local.set $hi
      local.get $finite i32.const 1 i32.add local.set $finite
      br $next
    end end
    local.get $range local.get $lo i32.store
    local.get $range local.get $hi i32.store offset=4
    local.get $finite)
  ;; gather(values, n, cursor, step, into): for every value, into[cursor[b]] = its bits (−0 as 0), then
  ;; cursor[b] += step[b] (u32 and u8 tables of 65,536). Buckets with step 0 keep writing one spare slot,
  ;; so there is no branch per value.
  (func $gather (export "gather") (param $values i32) (param $n i32) (param $cursor i32) (param $step i32) (param $into i32)
    (local $p i32) (local $end i32) (local $u i32) (local $b i32) (local $slot i32) (local $at i32)
    ${EACH_VALUE}
      ${BUCKET}
      local.set $b
      local.get $b i32.const 2 i32.shl local.get $cursor i32.add local.tee $slot i32.load local.set $at
      local.get $at i32.const 2 i32.shl local.get $into i32.add
      i32.const 0 local.get $u local.get $u i32.const 0x80000000 i32.eq select
      i32.store
      local.get $slot
      local.get $at local.get $b local.get $step i32.add i32.load8_u i32.add
      i32.store
      br $next
    end end)
)
`;
}
