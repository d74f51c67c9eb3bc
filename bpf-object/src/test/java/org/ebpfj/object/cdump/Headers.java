package org.ebpfj.object.cdump;

import java.io.IOException;

import org.ebpfj.object.btf.Btf;
import org.ebpfj.object.btf.BtfFormatException;

/** Test helper: the type definitions of a header, without include guard and pragma. */
final class Headers {
    static final CHeaderOptions PLAIN = CHeaderOptions.defaults().withPreserveAccessIndex(false);

    private Headers() {
    }

    /** Everything between the include guard's {@code #define} (and the kfunc macros) and its {@code #endif}. */
    static String body(Btf btf) throws BtfFormatException {
        return body(btf, PLAIN);
    }

    /** Also compiles the header with its layout assertions when {@link ClangCheck} has a clang. */
    static String body(Btf btf, CHeaderOptions options) throws BtfFormatException {
        try {
            ClangCheck.compiles(btf, options);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("could not run clang", e);
        }
        String text = CHeaderWriter.toString(btf, options);
        String start = "#define " + options.includeGuard() + "\n\n" + KfuncPrototypes.MACROS;
        String end = "#endif /* " + options.includeGuard() + " */\n";
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.length() - end.length());
    }
}
