package org.larco.abci.ledger;

import com.google.protobuf.ByteString;
import java.util.HexFormat;
import org.larco.protocol.abci.Event;
import org.larco.protocol.abci.EventAttribute;

/** Builds ABCI events whose attributes are all indexed, with bytes as lowercase hex. */
public final class Events {

    private Events() {
    }

    /** Returns an event of {@code type} with alternating attribute keys and values. */
    public static Event of(String type, String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("event " + type + " needs key/value pairs, got " + keysAndValues.length + " strings");
        }
        Event.Builder event = Event.newBuilder().setType(type);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            event.addAttributes(EventAttribute.newBuilder()
                    .setKey(keysAndValues[i])
                    .setValue(keysAndValues[i + 1])
                    .setIndex(true));
        }
        return event.build();
    }

    public static String hex(ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }
}
