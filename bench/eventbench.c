// The C side of bench/events.sh: libbpf's own consumers (ring_buffer__consume, perf_buffer__consume) draining
// the same object's buffers, filled the same way as EventDrainBenchmark fills them: a program run by
// BPF_PROG_TEST_RUN with repeat = EVENTS writes EVENTS 32-byte events, then one timed consume takes them all and
// sums a field of each. Prints the median nanoseconds per event over ROUNDS fills:
//   ring NS_PER_EVENT
//   perf NS_PER_EVENT
// usage: eventbench OBJECT.bpf.o [ROUNDS]
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define EVENTS 80000
#define RING_BYTES (4u << 20)
#define PERF_PAGES 1024

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

static double now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e9 + t.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void fill(int prog_fd)
{
	char packet[64] = {0};
	LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = packet, .data_size_in = sizeof(packet), .repeat = EVENTS);
	if (bpf_prog_test_run_opts(prog_fd, &opts)) {
		perror("BPF_PROG_TEST_RUN");
		exit(1);
	}
}

static double median_ns(int rounds, int prog_fd, struct ring_buffer *rb, struct perf_buffer *pb)
{
	double *ns = calloc(rounds, sizeof(double));
	for (int r = 0; r < rounds; r++) {
		fill(prog_fd);
		seen = 0;
		double t0 = now_ns();
		int n = rb ? ring_buffer__consume(rb) : perf_buffer__consume(pb);
		double t1 = now_ns();
		if (n < 0 || seen != EVENTS || lost) {
			fprintf(stderr, "round %d: consumed %llu of %d events (ret %d, lost %llu)\n", r, seen, EVENTS, n, lost);
			exit(1);
		}
		ns[r] = (t1 - t0) / EVENTS;
	}
	qsort(ns, rounds, sizeof(double), cmp);
	double m = ns[rounds / 2];
	free(ns);
	return m;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s OBJECT.bpf.o [ROUNDS]\n", argv[0]);
		return 2;
	}
	int rounds = argc > 2 ? atoi(argv[2]) : 30;
	struct bpf_object *obj = bpf_object__open_file(argv[1], NULL);
	if (!obj) {
		perror("open");
		return 1;
	}
	bpf_map__set_max_entries(bpf_object__find_map_by_name(obj, "events"), RING_BYTES);
	if (bpf_object__load(obj)) {
		perror("load");
		return 1;
	}
	int ring_fd = bpf_map__fd(bpf_object__find_map_by_name(obj, "events"));
	int perf_fd = bpf_map__fd(bpf_object__find_map_by_name(obj, "perf_events"));
	int ring_prog = bpf_program__fd(bpf_object__find_program_by_name(obj, "ring_emit"));
	int perf_prog = bpf_program__fd(bpf_object__find_program_by_name(obj, "perf_emit"));

	struct ring_buffer *rb = ring_buffer__new(ring_fd, on_ring, NULL, NULL);
	struct perf_buffer *pb = perf_buffer__new(perf_fd, PERF_PAGES, on_perf, on_lost, NULL, NULL);
	if (!rb || !pb) {
		perror("ring_buffer__new / perf_buffer__new");
		return 1;
	}
	// warm-up fills, as JMH warms up
	median_ns(5, ring_prog, rb, NULL);
	median_ns(5, perf_prog, NULL, pb);
	printf("ring %.3f\n", median_ns(rounds, ring_prog, rb, NULL));
	printf("perf %.3f\n", median_ns(rounds, perf_prog, NULL, pb));
	fprintf(stderr, "checksum %llu\n", sum);
	ring_buffer__free(rb);
	perf_buffer__free(pb);
	bpf_object__close(obj);
	return 0;
}
