package org.ebpfj.maven;

import java.util.List;
import java.util.Optional;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.ebpfj.maven.log.BuildLog;

/**
 * What every goal of the plugin shares: the project, the session, and {@code -Dbpf.skip}. Each goal is a thin
 * adapter: it reads its parameters and calls one service that knows nothing of Maven.
 */
public abstract class AbstractBpfMojo extends AbstractMojo {

    /** Skips every goal of this plugin (compile, check, vmlinux). */
    @Parameter(property = "bpf.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping bpf:" + mojoExecution.getGoal() + " (bpf.skip=true)");
            return;
        }
        Optional<String> goalSkip = skippedBy();
        if (goalSkip.isPresent()) {
            getLog().info("Skipping bpf:" + mojoExecution.getGoal() + " (" + goalSkip.get() + "=true)");
            return;
        }
        run();
    }

    /** The property of this goal's own skip parameter, when it is set (e.g. {@code bpf.check.skip}). */
    protected Optional<String> skippedBy() {
        return Optional.empty();
    }

    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    protected BuildLog buildLog() {
        return new MavenBuildLog(getLog());
    }

    /** A list parameter left out of the pom is null. */
    protected static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** {@code bpf-maven-plugin 0.1.0}: names the generator in generated files. */
    protected String pluginNameAndVersion() {
        return mojoExecution.getMojoDescriptor().getPluginDescriptor().getArtifactId() + " "
                + mojoExecution.getMojoDescriptor().getPluginDescriptor().getVersion();
    }
}
