/**
 * Codecs between Java values and the bytes of map keys and values: primitives, byte arrays, C strings, and records
 * laid out from BTF ({@link org.ebpfj.kernel.codec.RecordCodec}).
 */
package org.ebpfj.kernel.codec;
