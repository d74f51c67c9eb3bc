package org.ebpfj.object.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ebpfj.object.ObjectFormatException;
import org.ebpfj.object.report.FindingLine;
import org.ebpfj.object.spec.ObjectSpec;
import org.ebpfj.object.spec.ObjectSpecReader;

/** Reads the object files named on the command line; an unreadable one is reported and counted, not fatal. */
final class ObjectInputs {
    final List<ObjectSpec> objects = new ArrayList<>();
    int unreadable;

    static ObjectInputs read(List<Path> files, PrintStream err) throws UsageException {
        if (files.isEmpty()) {
            throw new UsageException("no object files given");
        }
        ObjectInputs inputs = new ObjectInputs();
        for (Path f : files) {
            try {
                inputs.objects.add(ObjectSpecReader.read(f));
            } catch (NoSuchFileException e) {
                err.println(FindingLine.unreadable(f.toString(), "no such file"));
                inputs.unreadable++;
            } catch (IOException e) {
                err.println(FindingLine.unreadable(f.toString(), "cannot read: " + e.getMessage()));
                inputs.unreadable++;
            } catch (ObjectFormatException e) {
                err.println(FindingLine.unreadable(f.toString(), "not a readable BPF object: " + e.getMessage()));
                inputs.unreadable++;
            }
        }
        return inputs;
    }
}
