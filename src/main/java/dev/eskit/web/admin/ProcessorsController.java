package dev.eskit.web.admin;

import dev.eskit.processing.api.EventProcessors;
import dev.eskit.processing.api.ProcessorStatus;
import dev.eskit.processing.api.ReplayRefusedException;
import dev.eskit.processing.api.UnknownProcessorException;
import dev.eskit.web.ApiPaths;
import dev.eskit.web.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.V1 + "/admin/processors")
@Tag(name = "Operations", description = "Event processors, replays and dead letters (admin)")
class ProcessorsController {

    private final EventProcessors processors;

    ProcessorsController(EventProcessors processors) {
        this.processors = processors;
    }

    @GetMapping
    @Operation(summary = "Every event processor",
            description = "Projections, the Kafka publisher and the metrics counter, each with position, head, lag "
                    + "(head - position), status (running, replaying, error, stopped), segments and dead letters; "
                    + "during a replay replaying: true and progress from 0 to 1.")
    List<ProcessorStatus> all() {
        return processors.all();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One event processor", description = "lastReplay shows the latest replay started on this instance: "
            + "running, or completed with its speed in events per second.")
    @ApiResponse(responseCode = "200", description = "the processor")
    @ApiResponse(responseCode = "404", description = "no processor of that name")
    ProcessorStatus find(@PathVariable String name) {
        return processors.find(name).orElseThrow(() -> unknown(name));
    }

    @PostMapping("/{name}/replay")
    @Operation(summary = "Rebuild a projection from the log",
            description = "Resets every segment of the projection; its reset handler empties its tables and it handles "
                    + "every event again while the API goes on serving. Reads of that projection show what is rebuilt "
                    + "so far until the replay completes. Follow it at the Location.")
    @ApiResponse(responseCode = "202", description = "the replay started")
    @ApiResponse(responseCode = "404", description = "no processor of that name")
    @ApiResponse(responseCode = "409", description = "a replay of it is running, or it is not a projection")
    ResponseEntity<ProcessorStatus> replay(@PathVariable String name) {
        try {
            ProcessorStatus status = processors.replay(name);
            return ResponseEntity.accepted().location(URI.create(ApiPaths.V1 + "/admin/processors/" + name)).body(status);
        } catch (UnknownProcessorException e) {
            throw unknown(name);
        } catch (ReplayRefusedException e) {
            throw Problems.of(HttpStatus.CONFLICT, "replay-refused", e.getMessage());
        }
    }

    private static ErrorResponseException unknown(String name) {
        return Problems.notFound("there is no event processor named " + name);
    }
}
