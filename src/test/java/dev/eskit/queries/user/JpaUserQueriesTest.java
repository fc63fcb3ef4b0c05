package dev.eskit.queries.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.commands.api.PersonalDataVault;
import dev.eskit.commands.api.user.UserEvents.UserDeactivated;
import dev.eskit.commands.api.user.UserEvents.UserErased;
import dev.eskit.commands.api.user.UserEvents.UserRegistered;
import dev.eskit.commands.api.user.UserId;
import dev.eskit.queries.api.User;
import dev.eskit.support.H2Test;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/** The users view: each handler, then the query a client would make. */
@H2Test
@Transactional
class JpaUserQueriesTest {

    @Autowired
    private JpaUserQueries views;
    @Autowired
    private PersonalDataVault vault;
    @Autowired
    private EventStore eventStore;

    private final UserId id = new UserId(UUID.randomUUID());
    private final String email = "v" + UUID.randomUUID() + "@example.com";

    @Test
    void showsARegisteredUserAndFindsThemByEmail() {
        register();
        User user = views.find(id.value()).orElseThrow();
        assertThat(user.name()).isEqualTo("Vera");
        assertThat(user.status()).isEqualTo("ACTIVE");
        assertThat(views.list(email.toUpperCase(), 10, null).items()).extracting(User::id).containsExactly(id.value());
    }

    @Test
    void showsADeactivation() {
        register();
        views.on(stored(new UserDeactivated(id), 1), 1);
        assertThat(views.find(id.value()).orElseThrow().status()).isEqualTo("DEACTIVATED");
        assertThat(views.find(id.value()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void overwritesPersonalDataOnErasure() {
        register();
        views.on(stored(new UserErased(id), 1), 1);
        User user = views.find(id.value()).orElseThrow();
        assertThat(user.name()).isEqualTo(PersonalDataVault.ERASED);
        assertThat(user.email()).isEqualTo(PersonalDataVault.ERASED);
        assertThat(views.list(email, 10, null).items()).isEmpty();
    }

    private void register() {
        vault.prepare(id.toString());
        views.on(stored(new UserRegistered(id, vault.seal(id.toString(), "Vera"), vault.seal(id.toString(), email)), 0),
                Instant.parse("2026-11-22T10:00:00Z"));
    }

    /** Stores the event in the user's stream too: a read compares the view's version with the stream's. */
    private <T> T stored(T event, long sequence) {
        eventStore.publish(new GenericDomainEventMessage<>("User", id.toString(), sequence, event));
        return event;
    }
}
