package dev.eskit.queries.gathering;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** Who attends which gathering: the view behind "a user's gatherings". */
@Entity
@Table(name = "gathering_attendee")
@IdClass(GatheringAttendee.Key.class)
class GatheringAttendee {

    @Id
    private UUID gatheringId;
    @Id
    private UUID userId;

    protected GatheringAttendee() {
        // for JPA
    }

    GatheringAttendee(UUID gatheringId, UUID userId) {
        this.gatheringId = gatheringId;
        this.userId = userId;
    }

    /** The composite key. */
    record Key(UUID gatheringId, UUID userId) implements Serializable {
        Key() {
            this(null, null);
        }
    }
}
