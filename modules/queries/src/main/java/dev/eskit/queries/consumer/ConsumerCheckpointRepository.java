package dev.eskit.queries.consumer;

import org.springframework.data.jpa.repository.JpaRepository;

interface ConsumerCheckpointRepository extends JpaRepository<ConsumerCheckpoint, String> {
}
