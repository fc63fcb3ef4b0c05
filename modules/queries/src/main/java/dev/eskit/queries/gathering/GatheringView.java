package dev.eskit.queries.gathering;

import dev.eskit.commands.api.gathering.Venue;
import dev.eskit.queries.api.Gathering;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** One row of the gatherings view. */
@Entity
@Table(name = "gathering_view")
class GatheringView {

    @Id
    private UUID id;
    private String kind;
    private String name;
    private String nameKey;
    private String venueName;
    private String venueAddress;
    private String country;
    private Instant startsAt;
    private Instant endsAt;
    private int capacity;
    private int attendees;
    private String status;
    private long version;

    protected GatheringView() {
        // for JPA
    }

    GatheringView(UUID id, String kind, int capacity) {
        this.id = id;
        this.kind = kind;
        this.capacity = capacity;
        this.status = "PLANNED";
        this.version = 1;
    }

    void rename(String newName) {
        name = newName;
        nameKey = newName == null ? null : newName.toLowerCase(Locale.ROOT);
    }

    void move(Venue venue) {
        venueName = venue == null ? null : venue.name();
        venueAddress = venue == null ? null : venue.address();
        country = venue == null || venue.country() == null ? null : venue.country().toUpperCase(Locale.ROOT);
    }

    void reschedule(Instant start, Instant end) {
        startsAt = start;
        endsAt = end;
    }

    void capacity(int places) {
        capacity = places;
    }

    void attendeesChangedBy(int delta) {
        attendees += delta;
    }

    void cancel() {
        status = "CANCELLED";
    }

    long version() {
        return version;
    }

    void version(long newVersion) {
        version = newVersion;
    }

    Gathering toGathering() {
        return new Gathering(id, kind, name, new Venue(venueName, venueAddress, country), startsAt, endsAt, capacity,
                attendees, status, version);
    }
}
