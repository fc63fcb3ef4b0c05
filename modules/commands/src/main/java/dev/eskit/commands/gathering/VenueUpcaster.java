package dev.eskit.commands.gathering;

import dev.eskit.commands.api.gathering.GatheringEvents.GatheringPlanned;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads {@code GatheringPlanned} of revision 1, whose venue was a plain string, as revision 2: the
 * string becomes the venue's name, with no address and no country.
 */
@Component
@Order(0)
class VenueUpcaster extends SingleEventUpcaster {

    private static final SerializedType OLD = new SimpleSerializedType(GatheringPlanned.class.getName(), "1");
    private static final SerializedType NEW = new SimpleSerializedType(GatheringPlanned.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return OLD.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(NEW, ObjectNode.class, payload -> {
            String venue = payload.path("venue").asString(null);
            ObjectNode upcast = payload.putObject("venue");
            upcast.put("name", venue);
            upcast.putNull("address");
            upcast.putNull("country");
            return payload;
        });
    }
}
