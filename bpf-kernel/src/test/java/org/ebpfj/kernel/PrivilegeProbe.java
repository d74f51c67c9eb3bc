package org.ebpfj.kernel;

import org.ebpfj.kernel.error.PermissionException;

/**
 * Run as a separate JVM by {@link PrivilegeTest} with capabilities dropped: prints what the library reports, one
 * {@code key=value} per line.
 */
public final class PrivilegeProbe {
    private PrivilegeProbe() {
    }

    public static void main(String[] args) {
        System.out.println("capEff=" + Long.toHexString(Kernel.effectiveCapabilities()));
        Privileges p = Kernel.privileges();
        System.out.println("canUseBpf=" + p.canUseBpf());
        System.out.println("errno=" + p.errno());
        System.out.println("missing=" + p.missing());
        System.out.println("reason=" + p.reason());
        try {
            BpfObject.loadResource(PrivilegeProbe.class, TestObjects.SMALL, LoadOptions.defaults()).close();
            System.out.println("load=ok");
        } catch (PermissionException e) {
            System.out.println("load=" + e.getClass().getSimpleName() + " missing=" + e.missingCapabilities());
            System.out.println("loadMessage=" + e.getMessage().replace('\n', ' '));
        } catch (RuntimeException e) {
            System.out.println("load=" + e.getClass().getSimpleName() + ": " + e.getMessage().replace('\n', ' '));
        }
        try {
            Kernel.supports(org.ebpfj.object.uapi.MapType.HASH);
            System.out.println("probe=answered");
        } catch (PermissionException e) {
            System.out.println("probe=" + e.getClass().getSimpleName());
        }
    }
}
