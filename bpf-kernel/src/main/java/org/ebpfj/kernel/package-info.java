/**
 * Live BPF objects, maps and programs in the running kernel.
 *
 * <pre>{@code
 * try (BpfObject obj = BpfObject.loadResource(MyTest.class, "/bpf/probe.bpf.o", LoadOptions.defaults())) {
 *     IntIntMap counts = obj.rawMap("counts").intInt();             // u32 -> u32, no boxing
 *     BpfMap<FlowKey, Event> events = obj.map("events", FlowKey.class, Event.class); // records from BTF
 *     TestRunResult r = obj.program("xdp_prog").testRun(TestRunOptions.zeroPacket(64));
 *     try (BpfLink link = obj.program("on_exec").attach()) { ... }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link org.ebpfj.kernel.BpfObject}: load (libbpf), look up maps/programs/variables, close everything.</li>
 *   <li>{@link org.ebpfj.kernel.map.RawMap}: one live map as bytes; {@link org.ebpfj.kernel.map.BpfMap},
 *       {@link org.ebpfj.kernel.map.PerCpuMap}, {@link org.ebpfj.kernel.map.QueueMap} and the primitive views
 *       {@link org.ebpfj.kernel.map.IntIntMap}, {@link org.ebpfj.kernel.map.IntLongMap}, {@link org.ebpfj.kernel.map.LongLongMap}
 *       are typed views over it. Standalone maps come from a {@link org.ebpfj.object.spec.MapSpec}.</li>
 *   <li>{@link org.ebpfj.kernel.program.BpfProgram} (test runs, attach), {@link org.ebpfj.kernel.program.BpfLink},
 *       {@link org.ebpfj.kernel.GlobalVariable}.</li>
 *   <li>{@link org.ebpfj.kernel.Kernel} (version, CPUs, privileges, lockdown, feature probes),
 *       {@link org.ebpfj.kernel.Mounts}, {@link org.ebpfj.kernel.CpuAffinity},
 *       {@link org.ebpfj.kernel.KernelObjects} (ids, for leak checks).</li>
 *   <li>The offline model: objects are read with bpf-object's {@code ObjectSpecReader} as well (the
 *       {@link org.ebpfj.kernel.LoadOptions.SpecReader} seam), so every map knows its
 *       {@link org.ebpfj.object.spec.MapSpec} ({@link org.ebpfj.kernel.map.RawMap#spec()}: source line, BTF types), and a
 *       refused map is explained by bpf-object's map rules ({@link org.ebpfj.kernel.error.MapCreateException}).</li>
 *   <li>Errors: the sealed {@link org.ebpfj.kernel.error.BpfException} hierarchy, each with an errno (a number, and
 *       bpf-object's {@code Errno} constant) and the map or program concerned. Absent keys and the end of a walk
 *       are values ({@code Optional}, {@code false}), never exceptions.</li>
 * </ul>
 *
 * <p>Packages: this one loads objects and describes the machine; {@code map} holds the map handles, {@code program}
 * programs and links, {@code error} the exceptions and what an errno means, {@code codec} the byte layouts of keys
 * and values. Everything native goes through {@code org.ebpfj.kernel.internal.sys}, which the module does not
 * export.
 */
package org.ebpfj.kernel;
