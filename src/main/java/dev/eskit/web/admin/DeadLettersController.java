package dev.eskit.web.admin;

import dev.eskit.processing.api.DeadLetter;
import dev.eskit.processing.api.DeadLetters;
import dev.eskit.processing.api.RetryOutcome;
import dev.eskit.processing.api.UnknownDeadLetterException;
import dev.eskit.web.ApiPaths;
import dev.eskit.web.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.V1 + "/admin/dead-letters")
@Tag(name = "Operations")
class DeadLettersController {

    private final DeadLetters deadLetters;

    DeadLettersController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "Events a projection failed on",
            description = "Each with its cause; sequence is the stream whose later events wait behind it, index its place there.")
    List<DeadLetter> all() {
        return deadLetters.all();
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Retry a dead letter's stream",
            description = "Hands the stream's parked events back to the projection, first parked first. Those that now "
                    + "succeed leave the queue; the first that fails again stays, with its new cause.")
    @ApiResponse(responseCode = "200", description = "retried: succeeded tells whether the stream's queue is empty now")
    @ApiResponse(responseCode = "404", description = "no dead letter with that id")
    RetryOutcome retry(@PathVariable String id) {
        return known(id, () -> deadLetters.retry(id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Drop a dead letter", description = "The projection never sees that event; the stream's next parked event moves up.")
    @ApiResponse(responseCode = "404", description = "no dead letter with that id")
    void delete(@PathVariable String id) {
        known(id, () -> {
            deadLetters.delete(id);
            return null;
        });
    }

    private static <T> T known(String id, Supplier<T> action) {
        try {
            return action.get();
        } catch (UnknownDeadLetterException e) {
            throw Problems.notFound("there is no dead letter " + id);
        }
    }
}
