/**
 * Internal (not exported): what the loader and the handles of other packages share, such as the lifetime of the
 * handles an object gives out ({@link org.ebpfj.kernel.internal.Owner}).
 */
package org.ebpfj.kernel.internal;
