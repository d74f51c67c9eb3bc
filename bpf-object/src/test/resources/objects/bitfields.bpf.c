// SPDX-License-Identifier: GPL-2.0
/*
 * Bitfields with known values in .data, compiled for both byte orders (bitfields.bpf.o, bitfields.bpfeb.o): the
 * compiler lays the initializers out, and the records generated from each object's BTF must read exactly these
 * values from those bytes and write the same bytes back (CodeGeneratorByteOrderTest). BTF counts bitfield offsets
 * in the object's byte order, so a big-endian object puts the same member at other bits.
 */
#include "flags.h"

struct mixed {
	__u8 tag;
	__u16 low : 4;
	short mid : 7;
	__u64 big : 40;
	__s64 neg : 20;
	__u32 after;
};

struct flags golden_flags = { .ready = 1, .mode = 5, .delta = -3, .wide = 4000, .rest = 0xabcdef01 };
struct mixed golden_mixed = {
	.tag = 0x5a, .low = 9, .mid = -42, .big = 0x12345678abULL, .neg = -300000, .after = 0xdeadbeef,
};

char LICENSE[] SEC("license") = "GPL";
