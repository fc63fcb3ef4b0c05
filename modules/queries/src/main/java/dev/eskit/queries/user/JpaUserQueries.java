package dev.eskit.queries.user;

import dev.eskit.commands.api.PersonalDataVault;
import dev.eskit.commands.api.StreamVersions;
import dev.eskit.commands.api.user.UserEvents.UserDeactivated;
import dev.eskit.commands.api.user.UserEvents.UserErased;
import dev.eskit.commands.api.user.UserEvents.UserProfileChanged;
import dev.eskit.commands.api.user.UserEvents.UserRegistered;
import dev.eskit.commands.api.user.UserId;
import dev.eskit.processing.api.Projections;
import dev.eskit.processing.api.RolledBackProjection;
import dev.eskit.queries.api.InvalidCursorException;
import dev.eskit.queries.api.User;
import dev.eskit.queries.api.UserPage;
import dev.eskit.queries.api.UserQueries;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

/**
 * The users view, kept by the tracking processor {@code users}, and its queries. Names and emails are opened with the user's key as the events arrive;
 * erasure is itself an event, which overwrites them.
 */
@Component
@ProcessingGroup(Projections.USERS)
class JpaUserQueries implements UserQueries {

    /** Below every id in the databases' byte order of UUIDs. */
    private static final UUID FIRST = new UUID(0, 0);

    private final UserViewRepository users;
    private final PersonalDataVault vault;
    private final RolledBackProjection store;

    JpaUserQueries(UserViewRepository users, PersonalDataVault vault, RolledBackProjection store) {
        this.users = users;
        this.vault = vault;
        this.store = store;
    }

    static String emailKey(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    @ResetHandler
    void reset() {
        users.deleteAllInBatch();
    }

    @EventHandler
    void on(UserRegistered event, @Timestamp Instant at) {
        UserView user = new UserView(event.userId().value(), at);
        user.profile(vault.reveal(event.name()), vault.reveal(event.email()));
        user.version(1);
        users.save(user);
    }

    @EventHandler
    void on(UserProfileChanged event, @SequenceNumber long sequence) {
        users.findById(event.userId().value()).ifPresent(user -> {
            user.profile(vault.reveal(event.name()), vault.reveal(event.email()));
            user.version(StreamVersions.ofSequence(sequence));
        });
    }

    @EventHandler
    void on(UserDeactivated event, @SequenceNumber long sequence) {
        users.findById(event.userId().value()).ifPresent(user -> {
            user.status("DEACTIVATED");
            user.version(StreamVersions.ofSequence(sequence));
        });
    }

    @EventHandler
    void on(UserErased event, @SequenceNumber long sequence) {
        users.findById(event.userId().value()).ifPresent(user -> {
            user.profile(PersonalDataVault.ERASED, PersonalDataVault.ERASED);
            user.status("ERASED");
            user.version(StreamVersions.ofSequence(sequence));
        });
    }

    /** The view's row when it shows the stream's latest version; otherwise the row as the store's events make it. */
    @Override
    public Optional<User> find(UUID id) {
        return store.current(new UserId(id).toString(), users.findById(id), UserView::version, this,
                () -> users.deleteAllByIdInBatch(List.of(id)), () -> users.findById(id)).map(UserView::toUser);
    }

    @Override
    public UserPage list(String email, int limit, String cursor) {
        UUID after = cursor == null ? FIRST : decode(cursor);
        List<UserView> rows = email == null
                ? users.findByIdGreaterThanOrderByIdAsc(after, Limit.of(limit + 1))
                : users.findByEmailKeyAndIdGreaterThanOrderByIdAsc(emailKey(email), after, Limit.of(limit + 1));
        List<User> page = rows.stream().limit(limit).map(UserView::toUser).toList();
        return new UserPage(page, rows.size() > limit ? page.get(limit - 1).id().toString() : null);
    }

    private static UUID decode(String cursor) {
        try {
            return UUID.fromString(cursor);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("'" + cursor + "' is not a cursor of this list");
        }
    }
}
