/* Two sources, so that the copy can lose one: the state file copied with it names the original's objects.
 * This one holds a constant rather than a map: what it holds does not matter to the test. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

volatile const __u32 sample_every = 1;

char LICENSE[] SEC("license") = "GPL";
