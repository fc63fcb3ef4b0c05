package dev.eskit.queries.gathering;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface GatheringViewRepository extends JpaRepository<GatheringView, UUID>, JpaSpecificationExecutor<GatheringView> {
}
