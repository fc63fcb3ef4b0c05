package dev.eskit.web.streams;

import dev.eskit.web.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Streams")
class AppendsController {

    private final StreamAppends appends;

    AppendsController(StreamAppends appends) {
        this.appends = appends;
    }

    @PostMapping(path = ApiPaths.V1 + "/appends", consumes = "application/json")
    @Operation(summary = "Append to several streams in one commit",
            description = "All or nothing: every append is stored, with its own expected version, and every check holds, or "
                    + "nothing is stored. A stream appears once, among the appends or the checks. Resending a request whose "
                    + "events all carry ids answers 200 with the original results and stores nothing.")
    @ApiResponse(responseCode = "201", description = "stored; one result per append, in the request's order")
    @ApiResponse(responseCode = "200", description = "an identical earlier request had stored every append; nothing new was stored")
    @ApiResponse(responseCode = "409", description = "failures lists every stream that was not at its expected version; or an "
            + "event id was used before with other content, or a stream belongs to another partition or module")
    ResponseEntity<Results> append(@Valid @RequestBody MultiAppendRequest request) {
        List<StreamAppends.Appended> appended = appends.append(AppendCommands.from(request, UUID::randomUUID));
        boolean retried = appended.stream().allMatch(StreamAppends.Appended::retried);
        return ResponseEntity.status(retried ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new Results(appended.stream().map(StreamAppends.Appended::response).toList()));
    }

    /** One result per append, in the request's order. */
    record Results(List<AppendResponse> results) {
    }
}
