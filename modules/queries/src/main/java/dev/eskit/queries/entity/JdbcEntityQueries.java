package dev.eskit.queries.entity;

import dev.eskit.commands.api.EventTypes;
import dev.eskit.commands.api.entity.EntityCreated;
import dev.eskit.commands.api.entity.EntityDeleted;
import dev.eskit.commands.api.entity.EntityState;
import dev.eskit.commands.api.entity.EntityStreams;
import dev.eskit.commands.api.entity.EntityUpdated;
import dev.eskit.commands.api.entity.MergePatches;
import dev.eskit.processing.api.RolledBackProjection;
import dev.eskit.queries.api.Entity;
import dev.eskit.queries.api.EntityHistoryEntry;
import dev.eskit.queries.api.EntityPage;
import dev.eskit.queries.api.EntityQueries;
import dev.eskit.queries.api.EntityTypeView;
import dev.eskit.queries.api.LoggedEvent;
import dev.eskit.queries.api.StreamReader;
import dev.eskit.queries.support.KeyCursors;
import dev.eskit.queries.support.SqlTimestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current state comes from {@code entity_view}; every past state is rebuilt from the entity's
 * stream in the event store by applying its patches in order, so time travel never depends on a
 * projection being complete.
 */
@Service
class JdbcEntityQueries implements EntityQueries {

    private static final String COLUMNS = "type, entity_id, version, document, created_at, updated_at, deleted";

    private final JdbcTemplate jdbc;
    private final StreamReader streams;
    private final EntityTypeProjection typeProjection;
    private final RolledBackProjection store;

    JdbcEntityQueries(JdbcTemplate jdbc, StreamReader streams, EntityTypeProjection typeProjection, RolledBackProjection store) {
        this.typeProjection = typeProjection;
        this.store = store;
        this.jdbc = jdbc;
        this.streams = streams;
    }

    @Override
    public Optional<Entity> current(String type, String id, boolean includeDeleted) {
        return jdbc.query("SELECT " + COLUMNS + " FROM entity_view WHERE type = ? AND entity_id = ?",
                        (row, i) -> entity(row), type, id).stream()
                .filter(entity -> includeDeleted || !entity.deleted())
                .findFirst();
    }

    @Override
    public Optional<Entity> atVersion(String type, String id, long version, boolean includeDeleted) {
        return replay(type, id, events(type, id, version), event -> true, includeDeleted)
                .filter(entity -> entity.version() == version);
    }

    @Override
    public Optional<Entity> asOf(String type, String id, Instant at, boolean includeDeleted) {
        return replay(type, id, events(type, id, Long.MAX_VALUE), event -> !event.timestamp().isAfter(at), includeDeleted);
    }

    @Override
    public Optional<List<EntityHistoryEntry>> history(String type, String id) {
        List<LoggedEvent> events = events(type, id, Long.MAX_VALUE);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        List<EntityHistoryEntry> history = new ArrayList<>();
        EntityState state = null;
        for (LoggedEvent event : events) {
            JsonNode before = state == null ? JsonMapper.shared().createObjectNode() : state.document();
            state = fold(state, event);
            JsonNode patch = action(event).equals(EntityDeleted.ACTION) ? null : event.data();
            String actor = event.metadata().has("actor") ? event.metadata().get("actor").asString() : null;
            history.add(new EntityHistoryEntry(event.version(), action(event), event.timestamp(), actor, patch,
                    patch == null ? List.of() : JsonChanges.between(before, state.document())));
        }
        return Optional.of(history);
    }

    @Override
    public EntityPage list(String type, int limit, String cursor) {
        String after = cursor == null ? "" : KeyCursors.decode(cursor, id -> EntityStreams.ID.matcher(id).matches());
        List<Entity> rows = jdbc.query("SELECT " + COLUMNS + " FROM entity_view WHERE type = ? AND deleted = FALSE "
                + "AND entity_id > ? ORDER BY entity_id LIMIT ?", (row, i) -> entity(row), type, after, limit + 1);
        if (rows.size() <= limit) {
            return new EntityPage(rows, null);
        }
        List<Entity> page = rows.subList(0, limit);
        return new EntityPage(List.copyOf(page), KeyCursors.encode(page.get(limit - 1).id()));
    }

    @Override
    public List<EntityTypeView> types() {
        return jdbc.query("SELECT type, schema_version, schema_json, created_at, updated_at FROM entity_type_view ORDER BY type",
                (row, i) -> typeView(row));
    }

    /** The view's row when it shows the type's latest schema; otherwise the row as the store's events make it. */
    @Override
    public Optional<EntityTypeView> type(String type) {
        return store.current(EntityStreams.type(type), typeRow(type), EntityTypeView::schemaVersion, typeProjection,
                () -> jdbc.update("DELETE FROM entity_type_view WHERE type = ?", type), () -> typeRow(type));
    }

    private Optional<EntityTypeView> typeRow(String type) {
        return jdbc.query("SELECT type, schema_version, schema_json, created_at, updated_at FROM entity_type_view WHERE type = ?",
                (row, i) -> typeView(row), type).stream().findFirst();
    }

    private static Optional<Entity> replay(String type, String id, List<LoggedEvent> events, Predicate<LoggedEvent> included,
                                           boolean includeDeleted) {
        EntityState state = null;
        for (LoggedEvent event : events) {
            if (!included.test(event)) {
                break;
            }
            state = fold(state, event);
        }
        if (state == null || state.deleted() && !includeDeleted) {
            return Optional.empty();
        }
        return Optional.of(new Entity(type, id, state.version(), state.document(), state.createdAt(), state.updatedAt(),
                state.deleted()));
    }

    /** An entity's stored event read back into its fold, by its public type. */
    private static EntityState fold(EntityState state, LoggedEvent event) {
        String action = action(event);
        if (action.equals(EntityCreated.ACTION)) {
            return EntityState.created(MergePatches.normalize(event.data()), event.timestamp());
        }
        if (action.equals(EntityUpdated.ACTION)) {
            return state.updated(event.data(), event.version(), event.timestamp());
        }
        if (action.equals(EntityDeleted.ACTION)) {
            return state.deleted(event.version(), event.timestamp());
        }
        return state;
    }

    /** The entity's events up to {@code toVersion}, oldest first. */
    private List<LoggedEvent> events(String type, String id, long toVersion) {
        return streams.events(EntityStreams.entity(type, id), 1, toVersion, Integer.MAX_VALUE)
                .map(stream -> stream.events())
                .orElse(List.of());
    }

    private static String action(LoggedEvent event) {
        return EventTypes.actionOf(event.type());
    }

    private static Entity entity(ResultSet row) throws SQLException {
        return new Entity(row.getString("type"), row.getString("entity_id"), row.getLong("version"),
                JsonMapper.shared().readTree(row.getString("document")), SqlTimestamps.read(row, "created_at"),
                SqlTimestamps.read(row, "updated_at"), row.getBoolean("deleted"));
    }

    private static EntityTypeView typeView(ResultSet row) throws SQLException {
        return new EntityTypeView(row.getString("type"), row.getInt("schema_version"),
                JsonMapper.shared().readTree(row.getString("schema_json")), SqlTimestamps.read(row, "created_at"),
                SqlTimestamps.read(row, "updated_at"));
    }
}
