package dev.eskit.web.problem;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/** Says what is wrong with an unreadable body without echoing Jackson's internals. */
final class MalformedBodies {

    private MalformedBodies() {
    }

    static String describe(HttpMessageNotReadableException exception) {
        Throwable cause = exception.getCause();
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return "field " + databind.getPathReference().replaceAll("^[^\\[]*\\[", "[") + " has the wrong type or shape";
        }
        if (cause instanceof JacksonException) {
            return "the body is not well-formed JSON";
        }
        return "the body is missing or unreadable";
    }
}
