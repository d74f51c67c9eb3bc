package org.ebpfj.maven;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.ebpfj.maven.log.BuildLog;
import org.ebpfj.maven.toolchain.ArtifactFetcher;

/**
 * Fetches an artifact through the build's own resolver session: the user's settings, mirrors, proxies,
 * offline mode and local repository all apply, exactly as for the project's dependencies.
 */
final class MavenArtifactFetcher implements ArtifactFetcher {

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;

    MavenArtifactFetcher(RepositorySystem system, RepositorySystemSession session,
            List<RemoteRepository> repositories, BuildLog log) {
        this.system = system;
        // The plugin's own download logs its size and progress even when the build runs --no-transfer-progress.
        DefaultRepositorySystemSession withProgress = new DefaultRepositorySystemSession(session);
        withProgress.setTransferListener(new DownloadProgress(log));
        this.session = withProgress;
        this.repositories = repositories;
    }

    @Override
    public Path fetch(String coordinates) throws ArtifactUnavailableException {
        ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(coordinates), repositories, null);
        try {
            ArtifactResult result = system.resolveArtifact(session, request);
            return result.getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            if (session.isOffline()) {
                throw new ArtifactUnavailableException("offline and not in the local repository", e);
            }
            throw new ArtifactUnavailableException("could not be resolved: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ArtifactUnavailableException("bad coordinates " + coordinates, e);
        }
    }
}
