package org.ebpfj.maven;

import java.io.File;
import java.io.IOException;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;

import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.ebpfj.maven.check.ByteSize;
import org.ebpfj.maven.check.CheckConfiguration;
import org.ebpfj.maven.check.CheckResult;
import org.ebpfj.maven.check.CheckService;
import org.ebpfj.maven.check.KernelProfiles;
import org.ebpfj.object.machine.KernelProfile;
import org.ebpfj.object.rules.CheckOptions;
import org.ebpfj.object.rules.KernelTargets;
import org.ebpfj.object.rules.MapOverrides;

/**
 * Checks every map definition of the compiled BPF objects offline and fails the build where the kernel would refuse
 * to create the map, naming the declaration's {@code file:line}, the map, the rule and the errno:
 * {@code /path/src/main/bpf/x.bpf.c:12: error: [array.key-size] map 'counts' (ARRAY): ... (kernel: EINVAL)}.
 * Warnings (a field left to user space, an LRU map that keeps fewer entries than it says, a very large map) and
 * notes go to the log, and {@code target/bpf/maps.json} describes every map with its memory footprint.
 *
 * <p>Bound to {@code generate-resources} like {@code compile}: list {@code compile} before {@code check} in the
 * same execution. It also works alone on any folder of objects ({@code objectsDirectory}).
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class CheckMojo extends AbstractBpfMojo {

    /** The folder holding the objects; by default where the {@code compile} goal writes them. */
    @Parameter(property = "bpf.objectsDirectory", defaultValue = "${project.build.outputDirectory}/bpf")
    private File objectsDirectory;

    /** Ant-style patterns, relative to {@code objectsDirectory}, of the objects to check. Default {@code **}{@code /*.o}. */
    @Parameter(property = "bpf.check.includes")
    private List<String> objectIncludes;

    /** Ant-style patterns of files not to check. */
    @Parameter(property = "bpf.check.excludes")
    private List<String> objectExcludes;

    /**
     * The kernel to check for: {@code default}, the built-in current x86_64 kernel (the same answer on every build
     * machine), or {@code running}, this machine as /proc and /sys describe it (CPU count, page size, RAM, version).
     */
    @Parameter(property = "bpf.profile", defaultValue = "default")
    private String profile;

    /**
     * Values user space sets before load for fields the object leaves open or that it changes
     * ({@code bpf_map__set_max_entries} and friends), as {@code MAP.FIELD=VALUE}: e.g.
     * {@code <mapOverride>events.max_entries=4096</mapOverride>}. FIELD is {@code type}, {@code key_size},
     * {@code value_size}, {@code max_entries} or {@code map_flags} (numbers or flag names, {@code NO_PREALLOC|RDONLY_PROG}).
     */
    @Parameter(property = "bpf.mapOverrides")
    private List<String> mapOverrides;

    /** Maps taking more kernel memory than this get a warning: bytes, or with K, M, G (binary units). */
    @Parameter(property = "bpf.memoryWarning", defaultValue = "256M")
    private String memoryWarning;

    /** Fail the build on warnings too, not only on errors. */
    @Parameter(property = "bpf.failOnWarning", defaultValue = "false")
    private boolean failOnWarning;

    /** Where the JSON description of every map goes (the same format as the command-line checker's {@code maps}). */
    @Parameter(property = "bpf.mapsReport", defaultValue = "${project.build.directory}/bpf/maps.json")
    private File mapsReport;

    /**
     * The kernels the maps must create on, e.g. {@code 5.10,6.1,6.12}: each map gets a verdict per kernel ("OK on
     * 6.1+; E2BIG on 5.10: ...") in the log and in {@code maps.json}, and the build fails when any kernel refuses
     * a map. Defaults to {@code bpf.kernels}, the list the {@code kernel-test} goal boots; {@code local:} entries
     * are skipped here. Empty: check for {@code profile} only.
     */
    @Parameter(property = "bpf.check.kernels", defaultValue = "${bpf.kernels}")
    private String kernels;

    /** Skips this goal only. */
    @Parameter(property = "bpf.check.skip", defaultValue = "false")
    private boolean skipCheck;

    @Override
    protected Optional<String> skippedBy() {
        return skipCheck ? Optional.of("bpf.check.skip") : Optional.empty();
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        requireCompileFirst();
        CheckConfiguration config = new CheckConfiguration(project.getBasedir().toPath(), objectsDirectory.toPath(),
                orEmpty(objectIncludes), orEmpty(objectExcludes), kernelProfile(), checkOptions(), failOnWarning,
                Optional.ofNullable(mapsReport).map(File::toPath), targets());
        CheckResult result;
        try {
            result = new CheckService(buildLog()).check(config);
        } catch (IOException e) {
            throw new MojoExecutionException("the BPF map check could not run: " + e.getMessage(), e);
        }
        Optional<String> failure = result.failure(config.failOnWarning());
        if (failure.isPresent()) {
            throw new MojoFailureException(failure.get());
        }
    }

    /**
     * Goals bound to one phase run in the order they are written, so {@code <goal>check</goal>} written before
     * {@code <goal>compile</goal>} would check the previous build's objects (or none) and pass. When this project
     * runs {@code compile} and it has not run yet, say so instead. Invoked alone ({@code mvn bpf:check}), the
     * check takes the objects as they are.
     */
    private void requireCompileFirst() throws MojoExecutionException {
        if (mojoExecution.getSource() != MojoExecution.Source.LIFECYCLE
                || project.getContextValue(CompileMojo.COMPLETED) != null) {
            return;
        }
        Plugin plugin = project.getPlugin(mojoExecution.getMojoDescriptor().getPluginDescriptor().getPluginLookupKey());
        boolean compileBound = plugin != null && plugin.getExecutions().stream()
                .anyMatch(e -> e.getGoals().contains("compile") && !"none".equals(e.getPhase()));
        if (compileBound) {
            throw new MojoExecutionException("bpf:check runs before bpf:compile in this build, so it would check"
                    + " old objects or none: list <goal>compile</goal> before <goal>check</goal> (goals of one"
                    + " phase run in the order written), or bind check to a later phase");
        }
    }

    private List<KernelProfile> targets() throws MojoExecutionException {
        if (kernels == null || kernels.isBlank() || kernels.startsWith("${")) {
            return List.of();
        }
        String versions = java.util.Arrays.stream(kernels.split("[,\\s]+")).filter(k -> !k.startsWith("local:"))
                .collect(java.util.stream.Collectors.joining(","));
        if (versions.isEmpty()) {
            return List.of();
        }
        try {
            return KernelTargets.parse(versions);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<kernels>: " + e.getMessage());
        }
    }

    private KernelProfile kernelProfile() throws MojoExecutionException {
        try {
            return KernelProfiles.named(profile);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<profile>: " + e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("<profile>running</profile>: cannot read this machine's /proc and"
                    + " /sys: " + e.getMessage(), e);
        }
    }

    private CheckOptions checkOptions() throws MojoExecutionException {
        try {
            return CheckOptions.defaults()
                    .withOverrides(MapOverrides.parse(orEmpty(mapOverrides)))
                    .withMemoryWarningBytes(ByteSize.parse(memoryWarning));
        } catch (ParseException e) {
            throw new MojoExecutionException("<mapOverrides>: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<memoryWarning>: " + e.getMessage());
        }
    }
}
