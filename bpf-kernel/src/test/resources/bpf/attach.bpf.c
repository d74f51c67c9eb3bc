/* Programs for the explicit attach API's tests: each counts how often its hook fired. */
#include "hit_counters.h"

HIT_COUNTER("raw_tp", on_raw_tp, raw_tp_hits, 1)
HIT_COUNTER("perf_event", on_perf_event, perf_event_hits, 0)
HIT_COUNTER("uprobe", on_uprobe, uprobe_hits, 1)
HIT_COUNTER("uretprobe", on_uretprobe, uretprobe_hits, 1)
HIT_COUNTER("kprobe", on_kprobe, kprobe_hits, 0)

char LICENSE[] SEC("license") = "GPL";
