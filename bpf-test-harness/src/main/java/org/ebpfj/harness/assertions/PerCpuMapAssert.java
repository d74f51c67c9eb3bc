package org.ebpfj.harness.assertions;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.assertj.core.api.AbstractAssert;
import org.ebpfj.kernel.map.PerCpuMap;

/**
 * Assertions on a per-CPU map (PERCPU_HASH, PERCPU_ARRAY, LRU_PERCPU_HASH): every key holds one value per possible
 * CPU, index = CPU number. Sums add the values of all CPUs, which is what a counter incremented on whatever CPU a
 * program ran on adds up to.
 */
public final class PerCpuMapAssert<K, V> extends AbstractAssert<PerCpuMapAssert<K, V>, PerCpuMap<K, V>> {

    PerCpuMapAssert(PerCpuMap<K, V> map) {
        super(map, PerCpuMapAssert.class);
    }

    public PerCpuMapAssert<K, V> containsKey(K key) {
        values(key);
        return this;
    }

    public PerCpuMapAssert<K, V> doesNotContainKey(K key) {
        isNotNull();
        Optional<List<V>> v = actual.lookup(key);
        if (v.isPresent()) {
            fail("not to contain key " + MapView.show(key) + ", but it holds " + show(v.get()));
        }
        return this;
    }

    public PerCpuMapAssert<K, V> hasSize(long expected) {
        isNotNull();
        long n = actual.count();
        if (n != expected) {
            fail("to have " + expected + " entries, but it has " + n);
        }
        return this;
    }

    /** The values of all CPUs for {@code key} add up to {@code expected} (values must be numbers). */
    public PerCpuMapAssert<K, V> hasSum(K key, long expected) {
        List<V> values = values(key);
        long sum = 0;
        for (V v : values) {
            if (!(v instanceof Number number)) {
                throw new IllegalArgumentException("hasSum needs numeric values; map '" + actual.name()
                        + "' holds " + (v == null ? "null" : v.getClass().getSimpleName()));
            }
            sum += number.longValue();
        }
        if (sum != expected) {
            fail("to have values for key " + MapView.show(key) + " that add up to " + expected + ", but they add up to "
                    + sum + ": " + show(values));
        }
        return this;
    }

    /** Every CPU holds {@code value} for {@code key}. */
    public PerCpuMapAssert<K, V> hasValueOnEveryCpu(K key, V value) {
        List<V> values = values(key);
        List<Integer> other = new ArrayList<>();
        for (int cpu = 0; cpu < values.size(); cpu++) {
            if (!Objects.deepEquals(values.get(cpu), value)) {
                other.add(cpu);
            }
        }
        if (!other.isEmpty()) {
            fail("to hold " + MapView.show(value) + " for key " + MapView.show(key) + " on every CPU, but CPUs "
                    + other + " differ: " + show(values));
        }
        return this;
    }

    public PerCpuMapAssert<K, V> hasValueOnCpu(K key, int cpu, V value) {
        List<V> values = values(key);
        if (cpu < 0 || cpu >= values.size()) {
            throw new IllegalArgumentException("CPU " + cpu + " is not a possible CPU (0.." + (values.size() - 1)
                    + ")");
        }
        if (!Objects.deepEquals(values.get(cpu), value)) {
            fail("to hold " + MapView.show(value) + " for key " + MapView.show(key) + " on CPU " + cpu
                    + ", but it holds " + MapView.show(values.get(cpu)) + ": " + show(values));
        }
        return this;
    }

    /** The list of per-CPU values of {@code key} passes {@code requirement}. */
    public PerCpuMapAssert<K, V> valuesSatisfy(K key, Consumer<? super List<V>> requirement) {
        requirement.accept(values(key));
        return this;
    }

    private List<V> values(K key) {
        isNotNull();
        Optional<List<V>> v = actual.lookup(key);
        if (v.isEmpty()) {
            fail("to contain key " + MapView.show(key));
        }
        return v.orElseThrow();
    }

    private void fail(String expectation) {
        failWithMessage("%nExpecting map '%s' (%s, max_entries %s, %s possible CPUs, %s entries)%n%s", actual.name(),
                actual.info().typeName(), actual.info().maxEntries(), actual.cpus(), actual.count(), expectation);
    }

    private static String show(List<?> values) {
        List<String> out = new ArrayList<>();
        for (int cpu = 0; cpu < values.size(); cpu++) {
            out.add("cpu" + cpu + "=" + MapView.show(values.get(cpu)));
        }
        return out.toString();
    }
}
