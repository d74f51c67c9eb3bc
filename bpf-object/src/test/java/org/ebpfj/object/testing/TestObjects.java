package org.ebpfj.object.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The committed test objects under {@code src/test/resources/objects/} (built by its {@code regenerate.sh}).
 * Each call returns a fresh copy, so tests may edit the bytes.
 */
public final class TestObjects {
    public static final String MAPS_VALID = "maps_valid.bpf.o";
    public static final String MAPS_VALID_BPFEB = "maps_valid.bpfeb.o";
    public static final String MAPS_VALID_DWARF4 = "maps_valid.dwarf4.o";
    public static final String MAPS_INVALID = "maps_invalid.bpf.o";
    public static final String MAPS_REJECTED = "maps_rejected.bpf.o";
    public static final String GLOBAL_DATA = "global_data.bpf.o";
    public static final String LEGACY_MAPS = "legacy_maps.bpf.o";
    public static final String PROGRAMS = "programs.bpf.o";
    public static final String MULTI_CU = "multi_cu.bpf.o";

    public static final List<String> ALL = List.of(MAPS_VALID, MAPS_VALID_BPFEB, MAPS_VALID_DWARF4, MAPS_INVALID,
            MAPS_REJECTED, GLOBAL_DATA, LEGACY_MAPS, PROGRAMS, MULTI_CU);

    private TestObjects() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = TestObjects.class.getResourceAsStream("/objects/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test object " + name + " (run objects/regenerate.sh)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
