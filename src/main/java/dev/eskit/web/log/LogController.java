package dev.eskit.web.log;

import dev.eskit.queries.api.EventLog;
import dev.eskit.queries.api.LogPage;
import dev.eskit.queries.api.Selector;
import dev.eskit.web.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.V1 + "/log")
@Tag(name = "Log", description = "Every event of every stream in commit order, read with opaque cursors")
class LogController {

    private final EventLog log;

    LogController(EventLog log) {
        this.log = log;
    }

    @GetMapping
    @Operation(summary = "Read a page of the global log",
            description = "Resume with the returned cursor: a reader that pages this way never misses an event and "
                    + "never sees one twice, even while transactions commit out of order. The cursor also moves past "
                    + "scanned events that the selector skipped. With waitSeconds, the call returns as soon as one "
                    + "matching event exists, or empty at the deadline. With from, the page starts at the first event "
                    + "stored at or after that instant, and its cursor continues as any other. direction=backward reads "
                    + "newest first, from the head or below where the cursor (or from) stands, and the page's cursor "
                    + "continues backwards; it is a snapshot of what was committed, so only a forward reader is sure "
                    + "to receive an append that commits after later ones.")
    @ApiResponse(responseCode = "200", description = "the page; entries may be empty")
    LogPage read(@Parameter(description = "a cursor from an earlier page; absent reads from the beginning")
                 @RequestParam(required = false) String after,
                 @Parameter(description = "instead of after: start at the first event stored at or after this ISO-8601 instant",
                         example = "2026-11-22T10:15:30.123Z")
                 @RequestParam(required = false) String from,
                 @RequestParam(defaultValue = "500") @Min(1) @Max(1000) int limit,
                 @Parameter(description = "comma list of *, P.*, *.A and P.A", example = "User.*,*.Deleted")
                 @RequestParam(required = false) String selector,
                 @RequestParam(defaultValue = "0") @Min(0) @Max(30) int waitSeconds,
                 @Parameter(description = "forward or backward") @RequestParam(defaultValue = "forward") String direction)
            throws InterruptedException {
        return LogStarts.read(log, after, LogStarts.instant(from), LogStarts.isBackward(direction), limit, Selector.parse(selector),
                Duration.ofSeconds(waitSeconds));
    }
}
