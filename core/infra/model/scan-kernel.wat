;; The exact shortlist scan's inner loop (ScanIndex, scan-index.ts), in
;; WebAssembly SIMD: inner products of int16 query rows with int16 item rows,
;; eight products per i32x4.dot_i16x8_s. `npm run build:wasm` turns this file
;; into scan-kernel.wasm (kernels.test.ts checks the two agree).
;;
;; Rows are `dims` int16 long, dims a multiple of 8; pointers are byte
;; offsets into the exported memory; scores are int32. Integer sums do not
;; depend on their order, so both kernels give the same score for the same
;; query and item, to the bit.
(module
  (memory (export "memory") 1)

  ;; Each kernel ends by summing the lanes of four accumulators a b c d at
  ;; once, inline (V8 does not inline wasm calls): lanes 0+1 and 2+3 of a and
  ;; b side by side, the same for c and d, then those halves added, giving
  ;; [Σa Σb Σc Σd] in one vector.

  ;; out[r·outStride + i] = query r · item i, for four queries (consecutive rows
  ;; at $q) and items 0 … $items−1 ($items even). Two items by four queries a
  ;; step: each load feeds two or four products, and the eight sums stay in
  ;; registers.
  (func (export "scores4x2")
    (param $v i32) (param $items i32) (param $dims i32) (param $q i32) (param $out i32) (param $outStride i32)
    (local $row i32) (local $i i32) (local $j i32) (local $o i32)
    (local $q0 i32) (local $q1 i32) (local $q2 i32) (local $q3 i32)
    (local $p0 i32) (local $p1 i32) (local $x0 v128) (local $x1 v128) (local $y v128)
    (local $s00 v128) (local $s01 v128) (local $s10 v128) (local $s11 v128)
    (local $s20 v128) (local $s21 v128) (local $s30 v128) (local $s31 v128) (local $t0 v128) (local $t1 v128)
    (local.set $row (i32.shl (local.get $dims) (i32.const 1)))
    (local.set $q0 (local.get $q))
    (local.set $q1 (i32.add (local.get $q0) (local.get $row)))
    (local.set $q2 (i32.add (local.get $q1) (local.get $row)))
    (local.set $q3 (i32.add (local.get $q2) (local.get $row)))
    (local.set $outStride (i32.shl (local.get $outStride) (i32.const 2)))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $i) (local.get $items)))
        (local.set $p0 (i32.add (local.get $v) (i32.mul (local.get $i) (local.get $row))))
        (local.set $p1 (i32.add (local.get $p0) (local.get $row)))
        (local.set $s00 (v128.const i32x4 0 0 0 0)) (local.set $s01 (v128.const i32x4 0 0 0 0))
        (local.set $s10 (v128.const i32x4 0 0 0 0)) (local.set $s11 (v128.const i32x4 0 0 0 0))
        (local.set $s20 (v128.const i32x4 0 0 0 0)) (local.set $s21 (v128.const i32x4 0 0 0 0))
        (local.set $s30 (v128.const i32x4 0 0 0 0)) (local.set $s31 (v128.const i32x4 0 0 0 0))
        (local.set $j (i32.const 0))
        (block $rowDone
          (loop $eights
            (br_if $rowDone (i32.ge_u (local.get $j) (local.get $row)))
            (local.set $x0 (v128.load (i32.add (local.get $p0) (local.get $j))))
            (local.set $x1 (v128.load (i32.add (local.get $p1) (local.get $j))))
            (local.set $y (v128.load (i32.add (local.get $q0) (local.get $j))))
            (local.set $s00 (i32x4.add (local.get $s00) (i32x4.dot_i16x8_s (local.get $y) (local.get $x0))))
            (local.set $s01 (i32x4.add (local.get $s01) (i32x4.dot_i16x8_s (local.get $y) (local.get $x1))))
            (local.set $y (v128.load (i32.add (local.get $q1) (local.get $j))))
            (local.set $s10 (i32x4.add (local.get $s10) (i32x4.dot_i16x8_s (local.get $y) (local.get $x0))))
            (local.set $s11 (i32x4.add (local.get $s11) (i32x4.dot_i16x8_s (local.get $y) (local.get $x1))))
            (local.set $y (v128.load (i32.add (local.get $q2) (local.get $j))))
            (local.set $s20 (i32x4.add (local.get $s20) (i32x4.dot_i16x8_s (local.get $y) (local.get $x0))))
            (local.set $s21 (i32x4.add (local.get $s21) (i32x4.dot_i16x8_s (local.get $y) (local.get $x1))))
            (local.set $y (v128.load (i32.add (local.get $q3) (local.get $j))))
            (local.set $s30 (i32x4.add (local.get $s30) (i32x4.dot_i16x8_s (local.get $y) (local.get $x0))))
            (local.set $s31 (i32x4.add (local.get $s31) (i32x4.dot_i16x8_s (local.get $y) (local.get $x1))))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $eights)))
        (local.set $o (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2))))
        ;; [q0·i, q0·i+1, q1·i, q1·i+1]: a half to each of two output rows
        (local.set $t0 (i32x4.add
          (i8x16.shuffle 0 1 2 3 16 17 18 19 8 9 10 11 24 25 26 27 (local.get $s00) (local.get $s01))
          (i8x16.shuffle 4 5 6 7 20 21 22 23 12 13 14 15 28 29 30 31 (local.get $s00) (local.get $s01))))
        (local.set $t1 (i32x4.add
          (i8x16.shuffle 0 1 2 3 16 17 18 19 8 9 10 11 24 25 26 27 (local.get $s10) (local.get $s11))
          (i8x16.shuffle 4 5 6 7 20 21 22 23 12 13 14 15 28 29 30 31 (local.get $s10) (local.get $s11))))
        (local.set $y (i32x4.add
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t1))
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t1))))
        (v128.store64_lane 0 (local.get $o) (local.get $y))
        (v128.store64_lane 1 (i32.add (local.get $o) (local.get $outStride)) (local.get $y))
        (local.set $o (i32.add (local.get $o) (i32.shl (local.get $outStride) (i32.const 1))))
        (local.set $t0 (i32x4.add
          (i8x16.shuffle 0 1 2 3 16 17 18 19 8 9 10 11 24 25 26 27 (local.get $s20) (local.get $s21))
          (i8x16.shuffle 4 5 6 7 20 21 22 23 12 13 14 15 28 29 30 31 (local.get $s20) (local.get $s21))))
        (local.set $t1 (i32x4.add
          (i8x16.shuffle 0 1 2 3 16 17 18 19 8 9 10 11 24 25 26 27 (local.get $s30) (local.get $s31))
          (i8x16.shuffle 4 5 6 7 20 21 22 23 12 13 14 15 28 29 30 31 (local.get $s30) (local.get $s31))))
        (local.set $y (i32x4.add
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t1))
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t1))))
        (v128.store64_lane 0 (local.get $o) (local.get $y))
        (v128.store64_lane 1 (i32.add (local.get $o) (local.get $outStride)) (local.get $y))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pairs))))

  ;; out[i] = query · item i for one query at $q and items 0 … $items−1
  ;; ($items a multiple of 4): four items a step share each query load.
  (func (export "scores1x4")
    (param $v i32) (param $items i32) (param $dims i32) (param $q i32) (param $out i32)
    (local $row i32) (local $i i32) (local $j i32)
    (local $p0 i32) (local $p1 i32) (local $p2 i32) (local $p3 i32) (local $y v128)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $t0 v128) (local $t1 v128)
    (local.set $row (i32.shl (local.get $dims) (i32.const 1)))
    (block $done
      (loop $quads
        (br_if $done (i32.ge_u (local.get $i) (local.get $items)))
        (local.set $p0 (i32.add (local.get $v) (i32.mul (local.get $i) (local.get $row))))
        (local.set $p1 (i32.add (local.get $p0) (local.get $row)))
        (local.set $p2 (i32.add (local.get $p1) (local.get $row)))
        (local.set $p3 (i32.add (local.get $p2) (local.get $row)))
        (local.set $s0 (v128.const i32x4 0 0 0 0)) (local.set $s1 (v128.const i32x4 0 0 0 0))
        (local.set $s2 (v128.const i32x4 0 0 0 0)) (local.set $s3 (v128.const i32x4 0 0 0 0))
        (local.set $j (i32.const 0))
        (block $rowDone
          (loop $eights
            (br_if $rowDone (i32.ge_u (local.get $j) (local.get $row)))
            (local.set $y (v128.load (i32.add (local.get $q) (local.get $j))))
            (local.set $s0 (i32x4.add (local.get $s0) (i32x4.dot_i16x8_s (local.get $y) (v128.load (i32.add (local.get $p0) (local.get $j))))))
            (local.set $s1 (i32x4.add (local.get $s1) (i32x4.dot_i16x8_s (local.get $y) (v128.load (i32.add (local.get $p1) (local.get $j))))))
            (local.set $s2 (i32x4.add (local.get $s2) (i32x4.dot_i16x8_s (local.get $y) (v128.load (i32.add (local.get $p2) (local.get $j))))))
            (local.set $s3 (i32x4.add (local.get $s3) (i32x4.dot_i16x8_s (local.get $y) (v128.load (i32.add (local.get $p3) (local.get $j))))))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $eights)))
        (local.set $t0 (i32x4.add
          (i8x16.shuffle 0 1 2 3 16 17 18 19 8 9 10 11 24 25 26 27 (local.get $s0) (local.get $s1))
          (i8x16.shuffle 4 5 6 7 20 21 22 23 12 13 14 15 28 29 30 31 (local.get $s0) (local.get $s1))))
        (local.set $t1 (i32x4.add
          (i8x16.shuffle 0 1 2 3 16 17 18 19 8 9 10 11 24 25 26 27 (local.get $s2) (local.get $s3))
          (i8x16.shuffle 4 5 6 7 20 21 22 23 12 13 14 15 28 29 30 31 (local.get $s2) (local.get $s3))))
        (v128.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
          (i32x4.add
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t1))
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t1))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $quads)))))
