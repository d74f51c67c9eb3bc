// The C side of bench/events.sh: libbpf's own consumers (ring_buffer__consume, perf_buffer__consume), built as a
// shared library that EventDrainComparison calls through Java's FFM API, so that the C and the Java drains take
// turns in one process, on fills made the same way (a program run by BPF_PROG_TEST_RUN), under the same load.
// Each drain is timed here, in C, around the consume call alone; the handlers sum a field of each event, as the
// Java side's handler does.
//   gcc -O2 -shared -fPIC -o libeventbench.so eventbench.c -lbpf
#include <bpf/libbpf.h>
#include <time.h>

static unsigned long long sum;
static unsigned long long seen;
static unsigned long long lost;

static int on_ring(void *ctx, void *data, size_t size)
{
	sum += *(unsigned long long *)((char *)data + 8);
	seen++;
	return 0;
}

static void on_perf(void *ctx, int cpu, void *data, __u32 size)
{
	sum += *(unsigned long long *)((char *)data + 8);
	seen++;
}

static void on_lost(void *ctx, int cpu, __u64 count)
{
	lost += count;
}

static long long now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

struct ring_buffer *eventbench_ring_new(int map_fd)
{
	return ring_buffer__new(map_fd, on_ring, NULL, NULL);
}

struct perf_buffer *eventbench_perf_new(int map_fd, int pages)
{
	return perf_buffer__new(map_fd, pages, on_perf, on_lost, NULL, NULL);
}

// One timed drain of everything there is: the nanoseconds ring_buffer__consume (rb) or perf_buffer__consume (pb)
// took, or -1 when it failed or did not hand out exactly `expected` events (or a perf ring lost some).
long long eventbench_drain_ns(struct ring_buffer *rb, struct perf_buffer *pb, long long expected)
{
	seen = 0;
	long long t0 = now_ns();
	int n = rb ? ring_buffer__consume(rb) : perf_buffer__consume(pb);
	long long t1 = now_ns();
	return n < 0 || seen != (unsigned long long)expected || lost ? -1 : t1 - t0;
}

unsigned long long eventbench_checksum(void)
{
	return sum;
}

void eventbench_free(struct ring_buffer *rb, struct perf_buffer *pb)
{
	ring_buffer__free(rb);
	perf_buffer__free(pb);
}
