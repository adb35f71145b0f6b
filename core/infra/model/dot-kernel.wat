;; The batch scoring's inner products (WasmDotKernel, dot-kernel.ts) in
;; WebAssembly SIMD: float64 queries times float32 item rows. `npm run
;; build:wasm` turns this file into dot-kernel.wasm (kernels.test.ts checks
;; the two agree).
;;
;; The sums are those of the plain-JS reference (JsDotKernel), bit for bit:
;; JS keeps four float64 accumulators s0…s3 for coordinates j ≡ 0…3 (mod 4);
;; here s0 s1 are the lanes of one f64x2 and s2 s3 of another, and each lane
;; does the same float64 multiply and add as JS, in the same order.
;; Pointers are byte offsets into the exported memory; counts are elements.
(module
  (memory (export "memory") 1)

  ;; For c < count: the accumulators at acc + 32c (s0 s1 s2 s3, float64) +=
  ;; q[j] · v[rows[c]·stride + j] for from ≤ j < to (from and to multiples of
  ;; 4). Two rows a step share each query load.
  (func (export "accumulate")
    (param $v i32) (param $stride i32) (param $q i32) (param $rows i32) (param $count i32)
    (param $from i32) (param $to i32) (param $acc i32)
    (local $c i32) (local $pa i32) (local $pb i32) (local $j i32) (local $end i32) (local $qj i32)
    (local $aa i32) (local $ab i32) (local $rowBytes i32)
    (local $a01 v128) (local $a23 v128) (local $b01 v128) (local $b23 v128)
    (local $q01 v128) (local $q23 v128) (local $x v128)
    (local.set $rowBytes (i32.shl (local.get $stride) (i32.const 2)))
    (local.set $end (i32.shl (local.get $to) (i32.const 2)))
    (block $done
      (loop $rowPairs
        (br_if $done (i32.ge_u (local.get $c) (local.get $count)))
        (local.set $pa (i32.add (local.get $v)
          (i32.mul (i32.load (i32.add (local.get $rows) (i32.shl (local.get $c) (i32.const 2)))) (local.get $rowBytes))))
        (local.set $aa (i32.add (local.get $acc) (i32.shl (local.get $c) (i32.const 5))))
        ;; An odd last row is paired with itself; its twin's sums are not stored.
        (local.set $pb (local.get $pa))
        (local.set $ab (local.get $aa))
        (if (i32.lt_u (i32.add (local.get $c) (i32.const 1)) (local.get $count))
          (then
            (local.set $pb (i32.add (local.get $v)
              (i32.mul (i32.load offset=4 (i32.add (local.get $rows) (i32.shl (local.get $c) (i32.const 2)))) (local.get $rowBytes))))
            (local.set $ab (i32.add (local.get $aa) (i32.const 32)))))
        (local.set $a01 (v128.load (local.get $aa)))
        (local.set $a23 (v128.load offset=16 (local.get $aa)))
        (local.set $b01 (v128.load (local.get $ab)))
        (local.set $b23 (v128.load offset=16 (local.get $ab)))
        (local.set $j (i32.shl (local.get $from) (i32.const 2)))
        (block $rowDone
          (loop $fours
            (br_if $rowDone (i32.ge_u (local.get $j) (local.get $end)))
            ;; q is float64: twice the byte offset of the float32 row's j
            (local.set $qj (i32.add (local.get $q) (i32.shl (local.get $j) (i32.const 1))))
            (local.set $q01 (v128.load (local.get $qj)))
            (local.set $q23 (v128.load offset=16 (local.get $qj)))
            (local.set $x (v128.load (i32.add (local.get $pa) (local.get $j))))
            (local.set $a01 (f64x2.add (local.get $a01) (f64x2.mul (local.get $q01) (f64x2.promote_low_f32x4 (local.get $x)))))
            (local.set $a23 (f64x2.add (local.get $a23) (f64x2.mul (local.get $q23)
              (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $x) (local.get $x))))))
            (local.set $x (v128.load (i32.add (local.get $pb) (local.get $j))))
            (local.set $b01 (f64x2.add (local.get $b01) (f64x2.mul (local.get $q01) (f64x2.promote_low_f32x4 (local.get $x)))))
            (local.set $b23 (f64x2.add (local.get $b23) (f64x2.mul (local.get $q23)
              (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $x) (local.get $x))))))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $fours)))
        ;; Row b first: for an odd last row it is the same row, and a's store is the one kept.
        (v128.store (local.get $ab) (local.get $b01))
        (v128.store offset=16 (local.get $ab) (local.get $b23))
        (v128.store (local.get $aa) (local.get $a01))
        (v128.store offset=16 (local.get $aa) (local.get $a23))
        (local.set $c (i32.add (local.get $c) (i32.const 2)))
        (br $rowPairs))))

  ;; For each of `picks` items (int32 at $picks): among the `likes` rows of
  ;; $w (likes × dims float64), the one with the largest Σ w[j] · v[item][j]
  ;; over j < dims, summed as bestLike does (four accumulators, then the tail
  ;; j ≥ dims − dims mod 4 into s0, then ((s0 + s1) + s2) + s3) and compared
  ;; with a strict >: its row number to $like (−1 if none) and the sum to
  ;; $score (−∞ if none).
  (func (export "bestLikes")
    (param $v i32) (param $stride i32) (param $picks i32) (param $count i32)
    (param $w i32) (param $likes i32) (param $dims i32) (param $like i32) (param $score i32)
    (local $n i32) (local $base i32) (local $l i32) (local $wl i32) (local $j i32) (local $tail i32)
    (local $s01 v128) (local $s23 v128) (local $x v128) (local $s0 f64) (local $sum f64)
    (local $best f64) (local $bestLike i32)
    ;; the tail starts at dims − dims mod 4; byte offsets into the float32 row
    (local.set $tail (i32.shl (i32.and (local.get $dims) (i32.const -4)) (i32.const 2)))
    (block $picksDone
      (loop $eachPick
        (br_if $picksDone (i32.ge_u (local.get $n) (local.get $count)))
        (local.set $base (i32.add (local.get $v)
          (i32.mul (i32.load (i32.add (local.get $picks) (i32.shl (local.get $n) (i32.const 2)))) (i32.shl (local.get $stride) (i32.const 2)))))
        (local.set $best (f64.const -inf))
        (local.set $bestLike (i32.const -1))
        (local.set $l (i32.const 0))
        (block $likesDone
          (loop $eachLike
            (br_if $likesDone (i32.ge_u (local.get $l) (local.get $likes)))
            (local.set $wl (i32.add (local.get $w) (i32.shl (i32.mul (local.get $l) (local.get $dims)) (i32.const 3))))
            (local.set $s01 (v128.const i64x2 0 0))
            (local.set $s23 (v128.const i64x2 0 0))
            (local.set $j (i32.const 0))
            (block $foursDone
              (loop $fours
                (br_if $foursDone (i32.ge_u (local.get $j) (local.get $tail)))
                (local.set $x (v128.load (i32.add (local.get $base) (local.get $j))))
                (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul
                  (v128.load (i32.add (local.get $wl) (i32.shl (local.get $j) (i32.const 1))))
                  (f64x2.promote_low_f32x4 (local.get $x)))))
                (local.set $s23 (f64x2.add (local.get $s23) (f64x2.mul
                  (v128.load offset=16 (i32.add (local.get $wl) (i32.shl (local.get $j) (i32.const 1))))
                  (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $x) (local.get $x))))))
                (local.set $j (i32.add (local.get $j) (i32.const 16)))
                (br $fours)))
            (local.set $s0 (f64x2.extract_lane 0 (local.get $s01)))
            (block $tailDone
              (loop $tailLoop
                (br_if $tailDone (i32.ge_u (local.get $j) (i32.shl (local.get $dims) (i32.const 2))))
                (local.set $s0 (f64.add (local.get $s0) (f64.mul
                  (f64.load (i32.add (local.get $wl) (i32.shl (local.get $j) (i32.const 1))))
                  (f64.promote_f32 (f32.load (i32.add (local.get $base) (local.get $j)))))))
                (local.set $j (i32.add (local.get $j) (i32.const 4)))
                (br $tailLoop)))
            (local.set $sum (f64.add (f64.add (f64.add (local.get $s0) (f64x2.extract_lane 1 (local.get $s01)))
              (f64x2.extract_lane 0 (local.get $s23))) (f64x2.extract_lane 1 (local.get $s23))))
            (if (f64.gt (local.get $sum) (local.get $best))
              (then
                (local.set $best (local.get $sum))
                (local.set $bestLike (local.get $l))))
            (local.set $l (i32.add (local.get $l) (i32.const 1)))
            (br $eachLike)))
        (i32.store (i32.add (local.get $like) (i32.shl (local.get $n) (i32.const 2))) (local.get $bestLike))
        (f64.store (i32.add (local.get $score) (i32.shl (local.get $n) (i32.const 3))) (local.get $best))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $eachPick)))))
