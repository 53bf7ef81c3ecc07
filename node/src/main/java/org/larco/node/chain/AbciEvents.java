package org.larco.node.chain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.larco.protocol.abci.Event;
import org.larco.protocol.abci.EventAttribute;
import org.larco.protocol.abci.ExecTxResult;
import org.larco.protocol.abci.ResponseFinalizeBlock;

/** Converts the events of a FinalizeBlock response into {@link ChainEvent}s, in {@link NewBlock}'s order. */
final class AbciEvents {

    private AbciEvents() {
    }

    static List<ChainEvent> fromFinalizeBlock(ResponseFinalizeBlock response) {
        List<ChainEvent> events = new ArrayList<>();
        response.getEventsList().forEach(event -> events.add(toChainEvent(event)));
        for (ExecTxResult txResult : response.getTxResultsList()) {
            if (txResult.getCode() == 0) {
                txResult.getEventsList().forEach(event -> events.add(toChainEvent(event)));
            }
        }
        return List.copyOf(events);
    }

    static ChainEvent toChainEvent(Event event) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (EventAttribute attribute : event.getAttributesList()) {
            attributes.put(attribute.getKey(), attribute.getValue());
        }
        return new ChainEvent(event.getType(), Collections.unmodifiableMap(attributes));
    }
}
