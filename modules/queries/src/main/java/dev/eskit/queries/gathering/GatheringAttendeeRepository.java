package dev.eskit.queries.gathering;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface GatheringAttendeeRepository extends JpaRepository<GatheringAttendee, GatheringAttendee.Key> {

    @Modifying
    @Query("DELETE FROM GatheringAttendee attendee WHERE attendee.gatheringId = :gatheringId")
    void deleteByGatheringId(UUID gatheringId);
}
