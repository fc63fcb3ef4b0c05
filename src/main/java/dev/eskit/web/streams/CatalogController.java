package dev.eskit.web.streams;

import dev.eskit.queries.api.StreamCatalog.NameCount;
import dev.eskit.queries.api.StreamCatalog.Page;
import dev.eskit.queries.api.StreamCatalog.PartitionCount;
import dev.eskit.queries.api.StreamCatalog.StreamEntry;
import dev.eskit.web.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Listings of the log's streams, partitions and event types ({@link Listings}). */
@RestController
@Tag(name = "Streams")
class CatalogController {

    private final Listings listings;

    CatalogController(Listings listings) {
        this.listings = listings;
    }

    @GetMapping(ApiPaths.V1 + "/streams")
    @Operation(summary = "List streams", description = "Every stream of the log, ordered by id, filtered by an id prefix (at most "
            + "200 characters) and a partition; pass next as cursor for the following page.")
    @ApiResponse(responseCode = "200", description = "a page of streams")
    Page<StreamEntry> streams(@Parameter(description = "the start of the stream ids to list", example = "order-")
                              @RequestParam(required = false) String prefix,
                              @Parameter(description = "only streams of this partition", example = "Order")
                              @RequestParam(required = false) String partition,
                              @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                              @RequestParam(required = false) String cursor) {
        return listings.streams(prefix, partition, limit, cursor);
    }

    @GetMapping(ApiPaths.V1 + "/partitions")
    @Operation(summary = "List partitions", description = "Every partition with its events (count) and streams, ordered by name.")
    @ApiResponse(responseCode = "200", description = "a page of partitions")
    Page<PartitionCount> partitions(@RequestParam(defaultValue = "1000") @Min(1) @Max(1000) int limit,
                                    @RequestParam(required = false) String cursor) {
        return listings.partitions(limit, cursor);
    }

    @GetMapping(ApiPaths.V1 + "/event-types")
    @Operation(summary = "List event types", description = "Every event type with how many events of it are stored, ordered by name.")
    @ApiResponse(responseCode = "200", description = "a page of event types")
    Page<NameCount> eventTypes(@RequestParam(defaultValue = "1000") @Min(1) @Max(1000) int limit,
                               @RequestParam(required = false) String cursor) {
        return listings.eventTypes(limit, cursor);
    }
}
