package org.ebpfj.maven;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.ebpfj.maven.generate.GenerateConfiguration;
import org.ebpfj.maven.generate.GenerateResult;
import org.ebpfj.maven.generate.GenerateService;

/**
 * Generates Java from each compiled object's BTF: a record (or union view, or enum) for every struct, union and
 * enum a map key or value, a global variable or an event pointer reaches, and a skeleton class per object with a
 * typed handle for each map, program and global variable ({@code HashVsLru} for {@code hash_vs_lru.bpf.o}).
 *
 * <p>Bound to {@code process-resources}: after {@code compile} (which runs in {@code generate-resources}) and
 * before {@code maven-compiler-plugin}, which compiles the generated sources with the project's own. Records are
 * plain Java 17 and go to a main source root. Skeletons use bpf-kernel (JDK 22+): by default they go to the main
 * sources when the project depends on bpf-kernel at compile scope, to the test sources when it depends on
 * bpf-kernel or bpf-test-harness at test scope, and nowhere otherwise ({@code skeletons}).
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.PROCESS_RESOURCES, threadSafe = true)
public class GenerateMojo extends AbstractBpfMojo {

    /** The folder holding the objects; by default where the {@code compile} goal writes them. */
    @Parameter(property = "bpf.objectsDirectory", defaultValue = "${project.build.outputDirectory}/bpf")
    private File objectsDirectory;

    /** Ant-style patterns, relative to {@code objectsDirectory}, of the objects to read. Default {@code **}{@code /*.o}. */
    @Parameter(property = "bpf.generate.includes")
    private List<String> objectIncludes;

    /** Ant-style patterns of objects not to read. */
    @Parameter(property = "bpf.generate.excludes")
    private List<String> objectExcludes;

    /** Where records go; added to the project's compile source roots. */
    @Parameter(property = "bpf.generate.outputDirectory",
            defaultValue = "${project.build.directory}/generated-sources/bpf")
    private File outputDirectory;

    /** Where skeletons go when they go to the test sources; added to the test compile source roots. */
    @Parameter(property = "bpf.generate.testOutputDirectory",
            defaultValue = "${project.build.directory}/generated-test-sources/bpf")
    private File testOutputDirectory;

    /**
     * Where skeletons go: {@code auto} (see above), {@code main} (with the records), {@code test}
     * ({@code testOutputDirectory}) or {@code none}.
     */
    @Parameter(property = "bpf.generate.skeletons", defaultValue = "auto")
    private String skeletons;

    /** Each object's sources go to the package {@code <packageName>.<object name>}; default {@code <groupId>.bpf}. */
    @Parameter(property = "bpf.generate.packageName")
    private String packageName;

    /**
     * The objects' classpath folder as the skeletons load them. Default: {@code objectsDirectory} relative to
     * {@code target/classes} (so {@code /bpf/} for the {@code compile} goal's objects).
     */
    @Parameter(property = "bpf.generate.resourcePrefix")
    private String resourcePrefix;

    /**
     * More C types to generate records for, beyond those maps and globals reach: {@code event},
     * {@code struct event}, {@code union addr}, {@code enum state} or a typedef name. The type must be in the
     * object's BTF (clang keeps types that the code uses; a global pointer {@code const struct event *unused}
     * keeps an event type otherwise only used through a ring buffer, and is picked up by itself).
     */
    @Parameter(property = "bpf.generate.types")
    private List<String> types;

    /**
     * {@code main} (default): records in {@code outputDirectory}, a main source root. {@code test}: records and
     * skeletons in {@code testOutputDirectory}, a test source root, for objects only tests use.
     */
    @Parameter(property = "bpf.generate.scope", defaultValue = "main")
    private String scope;

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
    private File classesDirectory;

    /** Skips this goal only. */
    @Parameter(property = "bpf.generate.skip", defaultValue = "false")
    private boolean skipGenerate;

    @Override
    protected Optional<String> skippedBy() {
        return skipGenerate ? Optional.of("bpf.generate.skip") : Optional.empty();
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        boolean testScope = "test".equalsIgnoreCase(scope == null ? "" : scope.trim());
        if (!testScope && !"main".equalsIgnoreCase(scope == null ? "main" : scope.trim())) {
            throw new MojoExecutionException("<scope>" + scope + "</scope>: use main or test");
        }
        String where = skeletonPlace();
        File recordsRoot = testScope ? testOutputDirectory : outputDirectory;
        Optional<File> skeletonRoot = switch (where) {
            case "main" -> Optional.of(recordsRoot);
            case "test" -> Optional.of(testOutputDirectory);
            default -> Optional.empty();
        };
        GenerateConfiguration config = new GenerateConfiguration(objectsDirectory.toPath(),
                orEmpty(objectIncludes).isEmpty() ? List.of("**/*.o") : orEmpty(objectIncludes),
                orEmpty(objectExcludes), recordsRoot.toPath(), skeletonRoot.map(File::toPath),
                basePackage(), resourcePrefix(), orEmpty(types), pluginNameAndVersion());
        GenerateResult result;
        try {
            result = new GenerateService(buildLog()).generate(config);
        } catch (IOException e) {
            throw new MojoExecutionException("bpf:generate could not write its sources: " + e.getMessage(), e);
        }
        if (testScope) {
            project.addTestCompileSourceRoot(testOutputDirectory.getAbsolutePath());
        } else {
            project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
        }
        if (where.equals("test") && !testScope) {
            project.addTestCompileSourceRoot(testOutputDirectory.getAbsolutePath());
        }
        if (result.failures() > 0) {
            throw new MojoFailureException(result.failures() + " BPF object(s) could not be read; see the errors"
                    + " above");
        }
    }

    private String skeletonPlace() throws MojoExecutionException {
        String s = skeletons == null ? "auto" : skeletons.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "main":
            case "test":
            case "none":
                return s;
            case "auto":
                break;
            default:
                throw new MojoExecutionException("<skeletons>" + skeletons + "</skeletons>: use auto, main, test or"
                        + " none");
        }
        String place = "none";
        for (Dependency d : project.getDependencies()) {
            boolean kernel = "org.ebpfj".equals(d.getGroupId()) && "bpf-kernel".equals(d.getArtifactId());
            boolean harness = "org.ebpfj".equals(d.getGroupId()) && "bpf-test-harness".equals(d.getArtifactId());
            String scope = d.getScope() == null ? "compile" : d.getScope();
            if (kernel && !scope.equals("test")) {
                return "main";
            }
            if ((kernel || harness) && scope.equals("test")) {
                place = "test";
            }
        }
        if (place.equals("none")) {
            getLog().info("No skeletons: the project does not depend on bpf-kernel or bpf-test-harness (set"
                    + " <skeletons>main</skeletons> or test to have them anyway)");
        }
        return place;
    }

    private String basePackage() throws MojoExecutionException {
        String p = packageName != null && !packageName.isBlank() ? packageName.trim()
                : project.getGroupId().replaceAll("[^A-Za-z0-9_.]", "_") + ".bpf";
        if (!p.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
            throw new MojoExecutionException("<packageName>" + p + "</packageName> is not a Java package name");
        }
        return p;
    }

    private String resourcePrefix() {
        if (resourcePrefix != null && !resourcePrefix.isBlank()) {
            String p = resourcePrefix.trim();
            return p.startsWith("/") ? p : "/" + p;
        }
        java.nio.file.Path classes = classesDirectory.toPath().toAbsolutePath().normalize();
        java.nio.file.Path objects = objectsDirectory.toPath().toAbsolutePath().normalize();
        if (objects.startsWith(classes)) {
            return "/" + classes.relativize(objects).toString().replace('\\', '/') + "/";
        }
        return "/bpf/";
    }
}
