package dev.eskit.queries.log;

import dev.eskit.commands.api.EventTypes;
import dev.eskit.commands.api.NamedEvent;
import dev.eskit.commands.api.PersonalDataVault;
import dev.eskit.commands.api.PersonalValue;
import dev.eskit.commands.api.StreamEventAppended;
import dev.eskit.commands.api.StreamVersions;
import dev.eskit.queries.api.EventDescriber;
import dev.eskit.queries.api.LoggedEvent;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shows a stored Axon event the way the API presents every event. A raw stream event carries its
 * client's id, type and metadata in its payload; the acting principal and the request that caused
 * it come from Axon's metadata, where every command's correlation data lands.
 */
@Component
class AxonEventDescriber implements EventDescriber {

    /** Axon metadata keys that readers see in an event's metadata. */
    static final String[] RECORDED_KEYS = {"actor", "requestId"};

    private final JsonMapper json;
    private final PersonalDataVault vault;

    AxonEventDescriber(JsonMapper json, PersonalDataVault vault) {
        this.json = json;
        this.vault = vault;
    }

    LoggedEvent of(EventMessage<?> message, long position) {
        return describe(message, position, true);
    }

    @Override
    public LoggedEvent describe(EventMessage<?> message, long position, boolean revealPersonalData) {
        String streamId = null;
        long version = 0;
        if (message instanceof DomainEventMessage<?> domain) {
            streamId = domain.getAggregateIdentifier();
            version = StreamVersions.ofSequence(domain.getSequenceNumber());
        }
        Object payload = message.getPayload();
        if (payload instanceof StreamEventAppended raw) {
            return new LoggedEvent(raw.eventId(), streamId, EventTypes.of(message), version, position, message.getTimestamp(),
                    raw.data(), withRecordedKeys(raw.metadata(), message.getMetaData()), List.of());
        }
        if (payload instanceof NamedEvent named) {
            JsonNode data = json.valueToTree(named.eventData());
            List<String> personalFields = new ArrayList<>();
            if (revealPersonalData) {
                reveal(data, "", personalFields);
            }
            return new LoggedEvent(message.getIdentifier(), streamId, EventTypes.of(message), version, position,
                    message.getTimestamp(), data, withRecordedKeys(null, message.getMetaData()), personalFields);
        }
        return new LoggedEvent(message.getIdentifier(), streamId, EventTypes.of(message), version, position,
                message.getTimestamp(), json.valueToTree(payload), withRecordedKeys(null, message.getMetaData()), List.of());
    }

    /**
     * Personal values show as their plaintext while the subject's key exists, and as erased after;
     * the pointer of each is added to {@code personalFields}.
     */
    private void reveal(JsonNode data, String pointer, List<String> personalFields) {
        if (data instanceof ObjectNode object) {
            for (var field : object.properties()) {
                JsonNode value = field.getValue();
                if (!value.isObject()) {
                    continue;
                }
                String path = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                if (value.size() == 2 && value.has("subject") && value.has("ciphertext")) {
                    field.setValue(json.getNodeFactory().textNode(
                            vault.reveal(new PersonalValue(value.get("subject").asString(), value.get("ciphertext").asString()))));
                    personalFields.add(path);
                } else {
                    reveal(value, path, personalFields);
                }
            }
        }
    }

    private ObjectNode withRecordedKeys(JsonNode clientMetadata, MetaData axonMetadata) {
        ObjectNode metadata = clientMetadata instanceof ObjectNode object ? object.deepCopy() : json.createObjectNode();
        for (String key : RECORDED_KEYS) {
            Object value = axonMetadata.get(key);
            if (value != null) {
                metadata.put(key, value.toString());
            }
        }
        return metadata;
    }
}
