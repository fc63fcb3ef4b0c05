package dev.eskit.web.consumers;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/** Where a consumer has read up to: a cursor from the log. */
record CheckpointRequest(@Schema(description = "a cursor returned by GET /log or an SSE message id") @NotBlank String cursor) {
}
