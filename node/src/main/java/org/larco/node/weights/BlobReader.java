package org.larco.node.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.larco.node.learner.ModelSpec;

/** Validates a weights blob field by field; see {@link Weights} for the layout. */
final class BlobReader {

    private BlobReader() {
    }

    static Weights read(byte[] blob) {
        if (blob.length < Weights.HEADER_BYTES) {
            throw invalid("blob is " + blob.length + " bytes, shorter than the "
                    + Weights.HEADER_BYTES + "-byte header");
        }
        ByteBuffer buffer = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);

        byte[] magic = new byte[Weights.MAGIC.length];
        buffer.get(magic);
        if (!Arrays.equals(magic, Weights.MAGIC)) {
            throw invalid("magic is " + printable(magic) + ", expected \"LCWB\"; this is not a LArCo weights blob");
        }
        int version = buffer.getInt();
        if (version != Weights.FORMAT_VERSION) {
            throw invalid("format version is " + version + ", this node reads version "
                    + Weights.FORMAT_VERSION);
        }
        int specLength = buffer.getInt();
        int parameterCount = buffer.getInt();
        if (specLength <= 0 || specLength > Weights.MAX_SPEC_BYTES) {
            throw invalid("model spec length is " + specLength + ", expected 1 to " + Weights.MAX_SPEC_BYTES);
        }
        if (parameterCount < 0) {
            throw invalid("parameter count is " + parameterCount + ", expected a non-negative count");
        }
        long expectedLength = (long) Weights.HEADER_BYTES + specLength + (long) Float.BYTES * parameterCount;
        if (blob.length != expectedLength) {
            throw invalid("blob is " + blob.length + " bytes, but its header (spec " + specLength
                    + " bytes, " + parameterCount + " parameters) needs exactly " + expectedLength
                    + "; the blob is truncated or padded");
        }

        byte[] specBytes = Arrays.copyOfRange(blob, Weights.HEADER_BYTES, Weights.HEADER_BYTES + specLength);
        ModelSpec spec;
        try {
            spec = ModelSpec.fromCanonicalBytes(specBytes);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage(), e);
        }
        Weights.requireParameterCount(spec, parameterCount);

        float[] parameters = new float[parameterCount];
        buffer.position(Weights.HEADER_BYTES + specLength);
        buffer.asFloatBuffer().get(parameters);
        Weights.requireFinite(parameters);
        return Weights.fromValidatedBlob(spec, blob);
    }

    private static String printable(byte[] bytes) {
        StringBuilder text = new StringBuilder("0x");
        for (byte b : bytes) {
            text.append(String.format("%02x", b));
        }
        String ascii = new String(bytes, StandardCharsets.US_ASCII).replaceAll("[^ -~]", "?");
        return text + " (\"" + ascii + "\")";
    }

    private static IllegalArgumentException invalid(String reason) {
        return new IllegalArgumentException("invalid weights blob: " + reason);
    }

    private static IllegalArgumentException invalid(String reason, Throwable cause) {
        return new IllegalArgumentException("invalid weights blob: " + reason, cause);
    }
}
