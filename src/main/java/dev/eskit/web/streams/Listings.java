package dev.eskit.web.streams;

import dev.eskit.processing.api.Projections;
import dev.eskit.queries.api.StreamCatalog.NameCount;
import dev.eskit.queries.api.StreamCatalog.Page;
import dev.eskit.queries.api.StreamCatalog.PartitionCount;
import dev.eskit.queries.api.StreamCatalog.StreamEntry;
import dev.eskit.queries.api.StreamCatalog;
import dev.eskit.web.ReadYourWrites;
import dev.eskit.web.problem.Problems;
import org.springframework.stereotype.Component;

/**
 * The log's streams, partitions and event types as every API lists them: from the catalog view, once
 * it holds everything stored before the call (503 while a replay rebuilds it).
 */
@Component
public class Listings {

    private static final int MAX_PREFIX = 200;
    private static final int MAX_PARTITION = 255;

    private final StreamCatalog catalog;
    private final ReadYourWrites readYourWrites;

    Listings(StreamCatalog catalog, ReadYourWrites readYourWrites) {
        this.catalog = catalog;
        this.readYourWrites = readYourWrites;
    }

    /** Streams by id; a blank prefix or partition does not filter. */
    public Page<StreamEntry> streams(String prefix, String partition, int limit, String cursor) {
        if (prefix != null && prefix.length() > MAX_PREFIX) {
            throw Problems.invalidField("prefix", "at most " + MAX_PREFIX + " characters");
        }
        if (partition != null && partition.length() > MAX_PARTITION) {
            throw Problems.invalidField("partition", "at most " + MAX_PARTITION + " characters");
        }
        readYourWrites.awaitCompleteView(Projections.CATALOG);
        return catalog.streams(prefix, blankAsNull(partition), limit, blankAsNull(cursor));
    }

    public Page<PartitionCount> partitions(int limit, String cursor) {
        readYourWrites.awaitCompleteView(Projections.CATALOG);
        return catalog.partitions(limit, blankAsNull(cursor));
    }

    public Page<NameCount> eventTypes(int limit, String cursor) {
        readYourWrites.awaitCompleteView(Projections.CATALOG);
        return catalog.eventTypes(limit, blankAsNull(cursor));
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
