package dev.eskit.web.consumers;

import dev.eskit.queries.api.Consumer;
import dev.eskit.queries.api.ConsumerCheckpoints;
import dev.eskit.web.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.V1 + "/consumers")
@Tag(name = "Consumers", description = "Named checkpoints in the global log, with how far behind the head each is")
class ConsumersController {

    private final ConsumerCheckpoints checkpoints;

    ConsumersController(ConsumerCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @PutMapping(path = "/{name}", consumes = "application/json")
    @Operation(summary = "Save a consumer's checkpoint", description = "Creates the consumer or moves it to the cursor.")
    @ApiResponse(responseCode = "200", description = "saved")
    Consumer save(@PathVariable String name, @Valid @RequestBody CheckpointRequest request) {
        return checkpoints.save(ConsumerNames.require(name), request.cursor());
    }

    @GetMapping("/{name}")
    @Operation(summary = "Read a consumer's checkpoint and lag", description = "lag = head - position")
    @ApiResponse(responseCode = "200", description = "the consumer")
    @ApiResponse(responseCode = "404", description = "never saved")
    Consumer find(@PathVariable String name) {
        return checkpoints.find(ConsumerNames.require(name)).orElseThrow(() -> ConsumerNames.unknown(name));
    }

    @GetMapping
    @Operation(summary = "List every consumer with its lag", description = "Sorted by name.")
    List<Consumer> all() {
        return checkpoints.all();
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Forget a consumer")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ApiResponse(responseCode = "404", description = "no such consumer")
    void delete(@PathVariable String name) {
        if (!checkpoints.delete(ConsumerNames.require(name))) {
            throw ConsumerNames.unknown(name);
        }
    }
}
