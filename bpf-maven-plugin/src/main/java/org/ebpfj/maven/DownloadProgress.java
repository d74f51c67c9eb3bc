package org.ebpfj.maven;

import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.ebpfj.maven.log.BuildLog;

/**
 * Logs the one large download the plugin makes itself (the embedded clang, about 150 MB) with its size and
 * progress in tenths. Builds often run with {@code --no-transfer-progress}, which silences Maven's own transfer
 * log; without this a first build would sit silent for most of a minute.
 */
final class DownloadProgress extends AbstractTransferListener {

    private final BuildLog log;
    private int loggedTenths = -1;

    DownloadProgress(BuildLog log) {
        this.log = log;
    }

    @Override
    public void transferStarted(TransferEvent event) {
        long length = event.getResource().getContentLength();
        log.info("Downloading " + event.getResource().getResourceName() + " from "
                + event.getResource().getRepositoryUrl() + (length > 0 ? " (" + megabytes(length) + ", once)" : " (once)"));
        loggedTenths = 0;
    }

    @Override
    public void transferProgressed(TransferEvent event) {
        long length = event.getResource().getContentLength();
        if (length <= 0) {
            return;
        }
        long done = event.getTransferredBytes();
        int tenths = (int) Math.min(10, done * 10 / length);
        if (tenths > loggedTenths && tenths < 10) {
            loggedTenths = tenths;
            log.info("  " + tenths * 10 + "% (" + megabytes(done) + " of " + megabytes(length) + ")");
        }
    }

    @Override
    public void transferSucceeded(TransferEvent event) {
        log.info("  downloaded " + megabytes(event.getTransferredBytes()));
    }

    @Override
    public void transferFailed(TransferEvent event) {
        if (event.getException() != null && loggedTenths >= 0) {
            log.warn("  download of " + event.getResource().getResourceName() + " failed: "
                    + event.getException().getMessage());
        }
    }

    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
