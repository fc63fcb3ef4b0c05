package dev.eskit.web.admin;

import dev.eskit.store.StreamPurge;
import dev.eskit.store.StreamPurge.PurgeReport;
import dev.eskit.web.ApiPaths;
import dev.eskit.web.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operations")
class PurgeController {

    private final ObjectProvider<StreamPurge> purge;

    PurgeController(ObjectProvider<StreamPurge> purge) {
        this.purge = purge;
    }

    @PostMapping(ApiPaths.V1 + "/admin/purge")
    @Operation(summary = "Purge retired events now",
            description = "Removes from the store the raw stream events that reads no longer show (before a stream's latest "
                    + "deletion, or retired by its metadata), as the scheduled purge does every eskit.streams.purge-interval; "
                    + "answers what it removed.")
    @ApiResponse(responseCode = "200", description = "what was removed")
    @ApiResponse(responseCode = "409", description = "the store is Axon Server, which cannot delete events")
    PurgeReport purge() {
        StreamPurge available = purge.getIfAvailable();
        if (available == null) {
            throw Problems.of(HttpStatus.CONFLICT, "purge-unsupported",
                    "Axon Server keeps every event: retention and deletion hide events from stream reads only");
        }
        return available.purge();
    }
}
