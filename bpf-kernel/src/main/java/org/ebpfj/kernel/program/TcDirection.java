package org.ebpfj.kernel.program;

/** Which way through an interface a TC program sees packets. */
public enum TcDirection {
    INGRESS,
    EGRESS
}
