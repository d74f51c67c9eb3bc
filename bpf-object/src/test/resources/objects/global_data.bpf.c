/* Global variables: libbpf turns each data section into an ARRAY map of one element. */
#include "mini_bpf.h"

/* .data: initialised, writable, global (so the map is mmap-able). */
int packets_seen = 5;
__u64 drops = 1;

/* .rodata: constants user space may set before load. */
const volatile __u32 target_pid = 0;
const volatile __u64 sample_every = 100;

/* .bss: zero-initialised. */
__u64 total_bytes;
__u32 last_cpu;

/* .data.custom: a custom data section gets a map of its own, named after the section only. */
__u64 custom_hits SEC(".data.custom") = 1;

/* .data.hidden: only static variables, so libbpf does not make the map mmap-able. */
static __u32 hidden_counter SEC(".data.hidden") = 7;

/* .kconfig: externs libbpf fills from the kernel configuration. */
extern unsigned int LINUX_KERNEL_VERSION __kconfig;
extern int CONFIG_HZ __kconfig __weak;
extern _Bool CONFIG_BPF_SYSCALL __kconfig __weak;
extern char CONFIG_LOCALVERSION[16] __kconfig __weak;
extern unsigned long long CONFIG_NR_CPUS __kconfig __weak;

SEC("tp/syscalls/sys_enter_openat")
int count_open(void *ctx)
{
	if (target_pid && LINUX_KERNEL_VERSION > 0)
		packets_seen++;
	drops += sample_every + CONFIG_HZ + CONFIG_NR_CPUS;
	total_bytes += CONFIG_BPF_SYSCALL + CONFIG_LOCALVERSION[0];
	last_cpu = 1;
	custom_hits++;
	hidden_counter++;
	bpf_trace_printk("open by %d\n", 12, target_pid);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
