#!/bin/busybox sh
# The guest's /init: load the 9p modules, mount the host's root read-only and the project's build folder
# read-write at their host paths, raise RLIMIT_MEMLOCK (kernels before 5.11 charge maps to it), run the job's
# run.sh in a chroot, write its exit code, power off. Every step that fails says so on the console.
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev 2>/dev/null
arg() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" /proc/cmdline; }
JOB=$(arg ebpfj.job)
RW=$(arg ebpfj.rw)
echo "ebpfj-guest: init on $(uname -r)"
for m in /modules/*.ko; do
  [ -e "$m" ] && { insmod "$m" || echo "ebpfj-guest: insmod $m failed"; }
done
if [ "$(arg ebpfj.probe)" = 1 ]; then echo "ebpfj-guest: probe ok"; poweroff -f; fi
mkdir -p /host
if ! mount -t 9p -o trans=virtio,version=9p2000.L,ro,cache=loose,msize=512000 root /host; then
  echo "ebpfj-guest: cannot mount the host's root over 9p"; poweroff -f
fi
mount -t proc proc /host/proc
mount -t sysfs sys /host/sys
mount -t devtmpfs dev /host/dev
mount -t tmpfs run /host/run
case "$RW" in /tmp/*) ;; *) mount -t tmpfs tmp /host/tmp ;; esac
mount -t bpf bpf /host/sys/fs/bpf 2>/dev/null
mount -t tracefs tracefs /host/sys/kernel/tracing 2>/dev/null
mount -t debugfs debugfs /host/sys/kernel/debug 2>/dev/null
if ! mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000,cache=none job "/host$RW"; then
  echo "ebpfj-guest: cannot mount $RW read-write over 9p"; poweroff -f
fi
ulimit -l unlimited
echo "ebpfj-guest: running $JOB/run.sh"
chroot /host /bin/sh "$JOB/run.sh" > "/host$JOB/output.log" 2>&1 < /dev/null
echo $? > "/host$JOB/exit-code"
sync
echo "ebpfj-guest: done, exit $(cat /host$JOB/exit-code)"
poweroff -f
