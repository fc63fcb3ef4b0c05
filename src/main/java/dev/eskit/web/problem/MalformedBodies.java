package dev.eskit.web.problem;

import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/** Says what is wrong with an unreadable body without echoing Jackson's internals: the field, when one is at fault. */
final class MalformedBodies {

    private MalformedBodies() {
    }

    static ProblemDetail problem(HttpMessageNotReadableException exception) {
        Throwable cause = exception.getCause();
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return Problems.invalidField(field(databind), "has the wrong JSON type or shape").getBody();
        }
        return Problems.detail(HttpStatus.BAD_REQUEST, "malformed-body", cause instanceof JacksonException
                ? "the body is not well-formed JSON" : "the body is missing or unreadable");
    }

    /** The path as a client writes it: {@code events[0].type}. */
    private static String field(DatabindException databind) {
        return databind.getPath().stream()
                .map(step -> step.getPropertyName() != null ? "." + step.getPropertyName() : "[" + step.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
