package org.ebpfj.kernel.internal.sys;

/**
 * Lays out a C struct of the UAPI the way the x86_64 ABI does, one field per call in declaration order: each
 * field starts at the next multiple of its alignment, and the size is rounded up to the largest alignment. A
 * struct is then written as one constant per field, named once ({@code static final long KEY = s.u64();}).
 */
final class CStruct {
    private long end;
    private long alignment = 1;

    /** A {@code __u32}, {@code __s32}, an fd or an enum. */
    long u32() {
        return place(4, 4);
    }

    /** A {@code __u64}, or a pointer carried as {@code __aligned_u64}. */
    long u64() {
        return place(8, 8);
    }

    /** A {@code char[n]} or {@code __u8[n]}; also a part this library leaves zero. */
    long bytes(int n) {
        return place(n, 1);
    }

    /** {@code sizeof} the struct laid out so far. */
    int size() {
        return (int) align(end, alignment);
    }

    private long place(long size, long align) {
        long offset = align(end, align);
        end = offset + size;
        alignment = Math.max(alignment, align);
        return offset;
    }

    private static long align(long offset, long align) {
        return (offset + align - 1) / align * align;
    }
}
