package dev.eskit.web.log;

import dev.eskit.queries.api.EventLog;
import dev.eskit.queries.api.LogFollower;
import dev.eskit.queries.api.Selector;
import dev.eskit.web.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping(ApiPaths.V1 + "/log")
@Tag(name = "Log")
class LogStreamController {

    private final EventLog log;
    private final LogRelay relay;

    LogStreamController(EventLog log, LogRelay relay) {
        this.log = log;
        this.relay = relay;
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Follow the global log as server-sent events",
            description = "Each message has id: <cursor> and data: <Event JSON>. A client that reconnects with "
                    + "Last-Event-ID resumes right after the last event it received. Heartbeat comments keep the "
                    + "connection open while nothing happens.")
    @ApiResponse(responseCode = "200", description = "the event stream")
    @ApiResponse(responseCode = "503", description = "too many followers are connected; retry later")
    SseEmitter follow(@Parameter(description = "a cursor to start after; Last-Event-ID wins when both are given")
                      @RequestParam(required = false) String after,
                      @RequestParam(required = false) String selector,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        Selector wanted = Selector.parse(selector);
        LogFollower follower = log.follow(lastEventId != null && !lastEventId.isBlank() ? lastEventId : after, wanted);
        return relay.start(follower);
    }
}
