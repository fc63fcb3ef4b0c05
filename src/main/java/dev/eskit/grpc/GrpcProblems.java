package dev.eskit.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.RetryInfo;
import dev.eskit.config.StoreUnavailable;
import dev.eskit.web.problem.FailureProblems;
import dev.eskit.web.problem.Problems;
import dev.eskit.web.problem.Problems.FieldProblem;
import dev.eskit.web.problem.RejectionProblems.UnmetVersion;
import io.grpc.StatusException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Every failed call as a {@code google.rpc.Status}, made from the same problem the HTTP API answers
 * with: the code from its status, an {@link ErrorInfo} whose reason is the problem's slug (with the
 * stream's current version on a conflict), a {@link BadRequest} naming each invalid field, a
 * {@link PreconditionFailure} naming each stream of a multi-stream append that was not at its expected
 * version, and a {@link RetryInfo} when the store is out of reach.
 */
@Component
class GrpcProblems implements GrpcExceptionHandler {

    static final String DOMAIN = "eskit.dev";
    /** 409s that mean "this exists already" rather than "someone else changed it first". */
    private static final Set<String> ALREADY_EXISTS = Set.of("already-exists", "duplicate-event-id");
    private static final Logger log = LoggerFactory.getLogger(GrpcProblems.class);

    /** Security's own handler answers UNAUTHENTICATED and PERMISSION_DENIED; this one everything else. */
    @Override
    public StatusException handleException(Throwable failure) {
        if (failure instanceof AuthenticationException || failure instanceof AccessDeniedException) {
            return null;
        }
        return statusOf(failure);
    }

    static StatusException statusOf(Throwable failure) {
        Optional<ProblemDetail> problem = FailureProblems.of(failure);
        if (problem.isEmpty()) {
            log.error("call failed unexpectedly", failure);
            return statusOf(FailureProblems.internalError());
        }
        if (FailureProblems.isStoreUnavailable(problem.get())) {
            log.warn("the store is unreachable", failure);
        }
        return statusOf(problem.get());
    }

    static StatusException statusOf(ProblemDetail problem) {
        String slug = Problems.slugOf(problem);
        ErrorInfo.Builder info = ErrorInfo.newBuilder()
                .setDomain(DOMAIN)
                .setReason(slug.toUpperCase(Locale.ROOT).replace('-', '_'))
                .putMetadata("type", problem.getType().toString());
        Map<String, Object> properties = problem.getProperties() == null ? Map.of() : problem.getProperties();
        if (properties.get("currentVersion") != null) {
            info.putMetadata("current_version", String.valueOf(properties.get("currentVersion")));
        }
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(codeOf(problem.getStatus(), slug).getNumber())
                .setMessage(problem.getDetail() != null ? problem.getDetail() : String.valueOf(problem.getTitle()))
                .addDetails(Any.pack(info.build()));
        if (properties.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
            BadRequest.Builder violations = BadRequest.newBuilder();
            errors.stream().filter(FieldProblem.class::isInstance).map(FieldProblem.class::cast)
                    .forEach(error -> violations.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                            .setField(protoFieldName(error.field()))
                            .setDescription(error.message())));
            status.addDetails(Any.pack(violations.build()));
        }
        if (properties.get("failures") instanceof List<?> failures && !failures.isEmpty()) {
            PreconditionFailure.Builder unmet = PreconditionFailure.newBuilder();
            failures.stream().filter(UnmetVersion.class::isInstance).map(UnmetVersion.class::cast)
                    .forEach(failure -> unmet.addViolations(PreconditionFailure.Violation.newBuilder()
                            .setType("STREAM_VERSION")
                            .setSubject(failure.streamId())
                            .setDescription("expected " + failure.expectedVersion() + ", current " + failure.currentVersion())));
            status.addDetails(Any.pack(unmet.build()));
        }
        if (FailureProblems.isStoreUnavailable(problem)) {
            status.addDetails(Any.pack(RetryInfo.newBuilder()
                    .setRetryDelay(Duration.newBuilder().setSeconds(Long.parseLong(StoreUnavailable.RETRY_AFTER_SECONDS)))
                    .build()));
        }
        return StatusProto.toStatusException(status.build());
    }

    private static Code codeOf(int httpStatus, String slug) {
        return switch (httpStatus) {
            case 400, 413, 415, 422 -> Code.INVALID_ARGUMENT;
            case 401 -> Code.UNAUTHENTICATED;
            case 403 -> Code.PERMISSION_DENIED;
            case 404, 410 -> Code.NOT_FOUND;
            case 409 -> ALREADY_EXISTS.contains(slug) ? Code.ALREADY_EXISTS : Code.ABORTED;
            case 412, 428 -> Code.FAILED_PRECONDITION;
            case 503 -> Code.UNAVAILABLE;
            case 500 -> Code.INTERNAL;
            default -> Code.UNKNOWN;
        };
    }

    /** The shared checks name fields as the JSON API spells them ({@code streamId}); protos spell them {@code stream_id}. */
    private static String protoFieldName(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
