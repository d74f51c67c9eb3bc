package org.ebpfj.harness;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.ebpfj.object.btf.BtfType;
import org.ebpfj.object.spec.VariableSpec;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Turns the text of a {@link Global} into the bytes of its variable, in the variable's size and the object's byte order. */
final class GlobalValues {
    private GlobalValues() {
    }

    static byte[] encode(VariableSpec variable, String text) {
        String value = text.trim();
        BtfType type = variable.type().btf().resolve(variable.type().id());
        if (type instanceof BtfType.Array array && isByte(variable, array) && !isNumber(value)) {
            return text(variable, text, array.elements());
        }
        long size = variable.size();
        if (size != 1 && size != 2 && size != 4 && size != 8) {
            throw problem(variable, text, "only integers, booleans and char arrays can be given as text; set it"
                    + " with an @EditSpec method (ObjectSpec.withVariableValue(name, bytes))");
        }
        BigInteger number = parse(variable, value);
        BigInteger unsignedLimit = BigInteger.ONE.shiftLeft((int) size * 8);
        BigInteger signedMin = unsignedLimit.shiftRight(1).negate();
        if (number.compareTo(signedMin) < 0 || number.compareTo(unsignedLimit) >= 0) {
            throw problem(variable, text, "does not fit in " + size + " bytes");
        }
        long bits = number.longValue();
        byte[] out = new byte[(int) size];
        boolean little = variable.order() == java.nio.ByteOrder.LITTLE_ENDIAN;
        for (int i = 0; i < size; i++) {
            int shift = 8 * (little ? i : (int) size - 1 - i);
            out[i] = (byte) (bits >>> shift);
        }
        return out;
    }

    private static BigInteger parse(VariableSpec variable, String value) {
        if (value.equals(Global.TEST_JVM_PID)) {
            return BigInteger.valueOf(ProcessHandle.current().pid());
        }
        String v = value.toLowerCase(Locale.ROOT).replace("_", "");
        if (v.equals("true") || v.equals("false")) {
            return v.equals("true") ? BigInteger.ONE : BigInteger.ZERO;
        }
        if (!isNumber(v)) {
            throw problem(variable, value, "is not a number (decimal, 0x hex, true/false or Global.TEST_JVM_PID)");
        }
        boolean negative = v.startsWith("-");
        String digits = negative ? v.substring(1) : v;
        BigInteger magnitude = digits.startsWith("0x") ? new BigInteger(digits.substring(2), 16)
                : new BigInteger(digits);
        return negative ? magnitude.negate() : magnitude;
    }

    private static boolean isNumber(String value) {
        return value.toLowerCase(Locale.ROOT).replace("_", "").matches("-?(0x[0-9a-f]+|[0-9]+)");
    }

    private static boolean isByte(VariableSpec variable, BtfType.Array array) {
        return variable.type().btf().sizeOf(array.elementType()).orElse(0) == 1;
    }

    private static byte[] text(VariableSpec variable, String text, long length) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length >= length) {
            throw problem(variable, text, "needs " + (utf8.length + 1) + " bytes with its NUL, the array has "
                    + length);
        }
        byte[] out = new byte[(int) variable.size()];
        System.arraycopy(utf8, 0, out, 0, utf8.length);
        return out;
    }

    private static ExtensionConfigurationException problem(VariableSpec variable, String text,
                                                           String why) {
        return new ExtensionConfigurationException("@Global(name = \"" + variable.name() + "\", value = \"" + text
                + "\"): the value " + why + "; the variable is " + variable);
    }
}
