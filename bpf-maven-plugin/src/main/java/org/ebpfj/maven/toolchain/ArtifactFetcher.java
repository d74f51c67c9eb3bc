package org.ebpfj.maven.toolchain;

import java.nio.file.Path;

/**
 * Gets an artifact's file, honouring the user's repositories, mirrors and offline mode. The mojos implement it
 * with Maven's resolver; tests with a directory of files.
 */
@FunctionalInterface
public interface ArtifactFetcher {

    /**
     * @param coordinates {@code groupId:artifactId:extension:classifier:version}
     * @throws ArtifactUnavailableException with a short reason (e.g. "offline and not in the local repository")
     */
    Path fetch(String coordinates) throws ArtifactUnavailableException;

    /** Why an artifact could not be had. The message is short: it goes into a list of everything tried. */
    final class ArtifactUnavailableException extends Exception {

        private static final long serialVersionUID = 1L;

        public ArtifactUnavailableException(String reason, Throwable cause) {
            super(reason, cause);
        }

        public ArtifactUnavailableException(String reason) {
            super(reason);
        }
    }
}
