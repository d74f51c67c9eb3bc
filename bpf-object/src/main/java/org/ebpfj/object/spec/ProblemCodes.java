package org.ebpfj.object.spec;

/**
 * The {@link SpecProblem#code()} values {@link ObjectSpecReader} records, one per libbpf refusal. Each names the
 * libbpf (1.x) function whose check it mirrors; the errno is what that function returns.
 */
public final class ProblemCodes {
    /** {@code bpf_object__elf_collect}: a {@code maps} section (struct bpf_map_def), -ENOTSUP. */
    public static final String LEGACY_MAPS_SECTION = "legacy-maps-section";
    /** {@code bpf_object__init_btf}: .maps or externs need BTF, and it is missing or corrupted. */
    public static final String BTF_REQUIRED = "btf-required";
    /** {@code bpf_object__init_user_btf_maps}: a .maps section but no DATASEC '.maps' in BTF, -ENOENT. */
    public static final String MAPS_DATASEC_MISSING = "maps-datasec-missing";
    /**
     * {@code bpf_object__init_user_btf_map}: the .maps variable itself is unusable (empty name, not a VAR, its
     * definition is not a struct, bigger than its slot, or outside the section), -EINVAL.
     */
    public static final String MAP_DEFINITION_CORRUPT = "map-definition-corrupt";
    /** {@code bpf_object__init_user_btf_map}: a {@code static} map, -EOPNOTSUPP. */
    public static final String MAP_STATIC = "map-static";
    /** {@code parse_btf_map_def}: a field is not encoded as libbpf expects (not a pointer to an array...), -EINVAL. */
    public static final String MAP_FIELD_ENCODING = "map-field-encoding";
    /** {@code parse_btf_map_def}: key_size and the key type (or two key sizes) disagree, -EINVAL. */
    public static final String MAP_KEY_SIZE_CONFLICT = "map-key-size-conflict";
    /** {@code parse_btf_map_def}: value_size and the value type (or the 4 bytes of values) disagree, -EINVAL. */
    public static final String MAP_VALUE_SIZE_CONFLICT = "map-value-size-conflict";
    /** {@code parse_btf_map_def}: the key or value type has no size (void, a function, a forward declaration). */
    public static final String MAP_TYPE_UNSIZED = "map-type-unsized";
    /** {@code parse_btf_map_def}: {@code values} on a map that is neither map-in-map nor PROG_ARRAY, -ENOTSUP. */
    public static final String MAP_VALUES_NOT_ALLOWED = "map-values-not-allowed";
    /** {@code parse_btf_map_def}: an inner map with its own inner map, -ENOTSUP. */
    public static final String MAP_INNER_NESTED = "map-inner-nested";
    /** {@code parse_btf_map_def}: {@code values} is not the last field, or is not a zero-length array of pointers. */
    public static final String MAP_VALUES_SPEC = "map-values-spec";
    /** {@code parse_btf_map_def}: pinning is neither LIBBPF_PIN_NONE nor LIBBPF_PIN_BY_NAME, -EINVAL. */
    public static final String MAP_PINNING_INVALID = "map-pinning-invalid";
    /** {@code parse_btf_map_def}: an inner map definition with {@code pinning}, -EINVAL. */
    public static final String MAP_INNER_PINNED = "map-inner-pinned";
    /** {@code parse_btf_map_def}: a field libbpf does not know (strict mode, the default), -ENOTSUP. */
    public static final String MAP_UNKNOWN_FIELD = "map-unknown-field";
    /** {@code parse_btf_map_def}: no {@code type} field, -EINVAL. */
    public static final String MAP_TYPE_MISSING = "map-type-missing";
    /** {@code bpf_object__add_programs}: a {@code static} function outside .text, -ENOTSUP. */
    public static final String PROGRAM_STATIC = "program-static";
    /** {@code bpf_object__add_programs} / {@code bpf_object__init_prog}: a program outside or misaligned in its section. */
    public static final String PROGRAM_CORRUPT = "program-corrupt";
    /** {@code bpf_object__collect_externs}: an extern without BTF, in an unknown section, or of a .kconfig type libbpf cannot fill. */
    public static final String EXTERN_UNSUPPORTED = "extern-unsupported";

    private ProblemCodes() {
    }
}
