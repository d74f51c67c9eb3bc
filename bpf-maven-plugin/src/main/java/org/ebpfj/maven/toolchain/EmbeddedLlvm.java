package org.ebpfj.maven.toolchain;

/**
 * The clang the plugin falls back to: JavaCPP's LLVM build on Maven Central ({@code org.bytedeco:llvm}), whose
 * platform jar carries a complete clang driver, its two shared libraries and clang's builtin headers.
 *
 * @param version    the artifact version, e.g. {@code 20.1.7-1.5.12}
 * @param classifier the platform jar, e.g. {@code linux-x86_64}
 */
public record EmbeddedLlvm(String version, String classifier) {

    public static final String GROUP_ID = "org.bytedeco";
    public static final String ARTIFACT_ID = "llvm";
    public static final String DEFAULT_VERSION = "20.1.7-1.5.12";

    /** Resolver coordinates, {@code groupId:artifactId:extension:classifier:version}. */
    public String coordinates() {
        return GROUP_ID + ":" + ARTIFACT_ID + ":jar:" + classifier + ":" + version;
    }

    /** The user-facing form, {@code groupId:artifactId:version:jar:classifier}, as in the documentation. */
    public String displayName() {
        return GROUP_ID + ":" + ARTIFACT_ID + ":" + version + ":jar:" + classifier;
    }

    /** The folder inside the jar holding clang and its libraries. */
    public String jarPrefix() {
        return "org/bytedeco/llvm/" + classifier + "/";
    }

    /** The LLVM major version: the jar's clang looks for {@code libLLVM.so.<major>.<minor>}. */
    public String llvmMajorMinor() {
        String[] parts = version.split("[.-]");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : parts[0];
    }

    /** The cache folder name; it changes with the version and platform, never reused across them. */
    public String cacheName() {
        return "llvm-" + version + "-" + classifier;
    }
}
