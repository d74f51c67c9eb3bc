/*
 * bitfield: members narrower than a byte, one signed, and one that crosses a byte boundary. One definition for
 * shapes.bpf.c (a map of them, written by a program) and bitfields.bpf.c (initialized, in both byte orders).
 */
#ifndef FLAGS_H
#define FLAGS_H

#include "mini_bpf.h"

struct flags {
	__u32 ready : 1;
	__u32 mode : 3;
	__s32 delta : 5;
	__u32 wide : 12;
	__u32 rest;
};

#endif
