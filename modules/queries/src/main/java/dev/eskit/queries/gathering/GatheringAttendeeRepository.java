package dev.eskit.queries.gathering;

import org.springframework.data.jpa.repository.JpaRepository;

interface GatheringAttendeeRepository extends JpaRepository<GatheringAttendee, GatheringAttendee.Key> {
}
