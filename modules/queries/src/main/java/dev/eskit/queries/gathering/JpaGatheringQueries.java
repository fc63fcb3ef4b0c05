package dev.eskit.queries.gathering;

import dev.eskit.commands.api.gathering.GatheringId;
import dev.eskit.processing.api.RolledBackProjection;
import dev.eskit.queries.api.Gathering;
import dev.eskit.queries.api.GatheringFilter;
import dev.eskit.queries.api.GatheringPage;
import dev.eskit.queries.api.GatheringQueries;
import dev.eskit.queries.support.KeyCursors;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists gatherings sorted by start with a keyset cursor (start, id): a page boundary never moves
 * when gatherings are added elsewhere, so paging never repeats or skips one that stays put.
 */
@Service
@Transactional(readOnly = true)
class JpaGatheringQueries implements GatheringQueries {

    private final GatheringViewRepository gatherings;
    private final GatheringAttendeeRepository attendees;
    private final GatheringProjection projection;
    private final RolledBackProjection store;

    JpaGatheringQueries(GatheringViewRepository gatherings, GatheringAttendeeRepository attendees, GatheringProjection projection,
                   RolledBackProjection store) {
        this.gatherings = gatherings;
        this.attendees = attendees;
        this.projection = projection;
        this.store = store;
    }

    /** The view's row when it shows the stream's latest version; otherwise the row as the store's events make it. */
    @Override
    public Optional<Gathering> find(UUID id) {
        return store.current(new GatheringId(id).toString(), gatherings.findById(id), GatheringView::version, projection, () -> {
            attendees.deleteByGatheringId(id);
            gatherings.deleteAllByIdInBatch(List.of(id));
        }, () -> gatherings.findById(id)).map(GatheringView::toGathering);
    }

    @Override
    public GatheringPage list(GatheringFilter filter, int limit, String cursor) {
        return page(matching(filter), limit, cursor);
    }

    @Override
    public GatheringPage attendedBy(UUID userId, int limit, String cursor) {
        Specification<GatheringView> attended = (root, query, cb) -> {
            Subquery<UUID> ids = query.subquery(UUID.class);
            var attendee = ids.from(GatheringAttendee.class);
            ids.select(attendee.get("gatheringId")).where(cb.equal(attendee.get("userId"), userId));
            return root.get("id").in(ids);
        };
        return page(attended, limit, cursor);
    }

    private GatheringPage page(Specification<GatheringView> wanted, int limit, String cursor) {
        Specification<GatheringView> spec = cursor == null ? wanted : wanted.and(after(cursor));
        List<Gathering> rows = gatherings.findAll(spec, PageRequest.of(0, limit + 1, Sort.by("startsAt", "id")))
                .map(GatheringView::toGathering).getContent();
        if (rows.size() <= limit) {
            return new GatheringPage(rows, null);
        }
        Gathering last = rows.get(limit - 1);
        return new GatheringPage(List.copyOf(rows.subList(0, limit)), KeyCursors.encode(key(last.startsAt(), last.id())));
    }

    private static Specification<GatheringView> matching(GatheringFilter filter) {
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (filter.kind() != null) {
                all.add(cb.equal(root.get("kind"), filter.kind().toUpperCase(Locale.ROOT)));
            }
            if (filter.country() != null) {
                all.add(cb.equal(root.get("country"), filter.country().toUpperCase(Locale.ROOT)));
            }
            if (filter.from() != null) {
                all.add(cb.greaterThanOrEqualTo(root.get("startsAt"), filter.from()));
            }
            if (filter.to() != null) {
                all.add(cb.lessThan(root.get("startsAt"), filter.to()));
            }
            if (filter.name() != null) {
                all.add(cb.like(root.get("nameKey"), "%" + escapeLike(filter.name().toLowerCase(Locale.ROOT)) + "%", '\\'));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
    }

    private static Specification<GatheringView> after(String cursor) {
        String[] parts = KeyCursors.decode(cursor, JpaGatheringQueries::isKey).split("\\|");
        Instant start = Instant.ofEpochMilli(Long.parseLong(parts[0]));
        UUID id = UUID.fromString(parts[1]);
        return (root, query, cb) -> cb.or(
                cb.greaterThan(root.get("startsAt"), start),
                cb.and(cb.equal(root.get("startsAt"), start), cb.greaterThan(root.get("id"), id)));
    }

    /** The key of the list's order: when the gathering starts, then its id. */
    private static String key(Instant start, UUID id) {
        return start.toEpochMilli() + "|" + id;
    }

    private static boolean isKey(String key) {
        String[] parts = key.split("\\|");
        try {
            Long.parseLong(parts[0]);
            UUID.fromString(parts[1]);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
