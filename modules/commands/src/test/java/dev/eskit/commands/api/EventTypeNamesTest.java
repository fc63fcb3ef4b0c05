package dev.eskit.commands.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.commands.api.entity.EntityCreated;
import dev.eskit.commands.api.entity.EntityDeleted;
import dev.eskit.commands.api.entity.EntityUpdated;
import dev.eskit.commands.api.gathering.GatheringEvents.GatheringEvent;
import dev.eskit.commands.api.user.UserEvents.UserEvent;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The public names of the typed events: the log, Kafka's {@code ce_type}, the topics and the metrics
 * all show them, so they change only on purpose. A renamed record keeps its name; a changed name
 * fails here.
 */
class EventTypeNamesTest {

    @Test
    void usersAndGatheringsKeepTheirPublishedNames() {
        assertThat(namesOf(UserEvent.class)).containsExactlyInAnyOrder(
                "User.Registered", "User.ProfileChanged", "User.Deactivated", "User.Erased");
        assertThat(namesOf(GatheringEvent.class)).containsExactlyInAnyOrder(
                "Gathering.Planned", "Gathering.Renamed", "Gathering.Rescheduled", "Gathering.Moved", "Gathering.CapacityChanged",
                "Gathering.Cancelled", "Gathering.AttendeeRegistered", "Gathering.AttendeeWithdrawn");
    }

    @Test
    void entitiesAreNamedAfterTheirTypeAndTheChange() {
        assertThat(new EntityCreated("Invoice", "i-1", null).eventType()).isEqualTo("Invoice.Created");
        assertThat(new EntityUpdated("Invoice", "i-1", null).eventType()).isEqualTo("Invoice.Updated");
        assertThat(new EntityDeleted("Invoice", "i-1").eventType()).isEqualTo("Invoice.Deleted");
    }

    /** Each permitted record's name, checked to be both its constant and what an instance of it says. */
    private static Set<String> namesOf(Class<? extends NamedEvent> sealed) {
        Map<String, Class<?>> names = new LinkedHashMap<>();
        for (Class<?> event : sealed.getPermittedSubclasses()) {
            String constant = constant(event);
            assertThat(instance(event).eventType()).as(event.getSimpleName()).isEqualTo(constant);
            assertThat(names.put(constant, event)).as("one name per event").isNull();
        }
        return names.keySet();
    }

    private static String constant(Class<?> event) {
        try {
            return (String) event.getField("TYPE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(event.getSimpleName() + " names its type in a public constant TYPE", e);
        }
    }

    private static NamedEvent instance(Class<?> event) {
        try {
            Class<?>[] types = Arrays.stream(event.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<?> canonical = event.getDeclaredConstructor(types);
            Object[] nothing = Arrays.stream(types).map(type -> type == int.class ? 0 : type == long.class ? 0L
                    : type == boolean.class ? false : null).toArray();
            return (NamedEvent) canonical.newInstance(nothing);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
