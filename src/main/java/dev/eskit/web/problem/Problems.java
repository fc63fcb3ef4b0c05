package dev.eskit.web.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 problems that controllers throw; {@link ApiExceptionHandler} writes them as problem+json. */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:eskit:problem:";
    private static final URI BLANK = URI.create("about:blank");

    private Problems() {
    }

    public static ProblemDetail detail(HttpStatus status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        return problem;
    }

    /** Gives a problem without a type (one the framework made) the type its status names, e.g. {@code unsupported-media-type}. */
    public static ProblemDetail typed(ProblemDetail problem) {
        if (problem.getType() == null || BLANK.equals(problem.getType())) {
            problem.setType(URI.create(TYPE_PREFIX + statusSlug(HttpStatusCode.valueOf(problem.getStatus()))));
        }
        return problem;
    }

    /** The last part of a problem's type, e.g. {@code wrong-expected-version}; what a client branches on. */
    public static String slugOf(ProblemDetail problem) {
        String type = typed(problem).getType().toString();
        return type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type;
    }

    private static String statusSlug(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return "http-" + status.value();
        }
        if (known == HttpStatus.INTERNAL_SERVER_ERROR) {
            return "internal-error";
        }
        return known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    public static ErrorResponseException of(HttpStatus status, String slug, String detail) {
        return new ErrorResponseException(status, detail(status, slug, detail), null);
    }

    public static ErrorResponseException badRequest(String detail) {
        return of(HttpStatus.BAD_REQUEST, "bad-request", detail);
    }

    /** A 400 naming each offending field, so a client can show every mistake at once. */
    public static ErrorResponseException invalidFields(List<FieldProblem> errors) {
        ProblemDetail problem = detail(HttpStatus.BAD_REQUEST, "invalid-request",
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid");
        problem.setProperty("errors", errors);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    public static ErrorResponseException invalidField(String field, String message) {
        return invalidFields(List.of(new FieldProblem(field, message)));
    }

    public static ErrorResponseException notFound(String detail) {
        return of(HttpStatus.NOT_FOUND, "not-found", detail);
    }

    /** One field's problem in a 400 answer. */
    public record FieldProblem(String field, String message) {
    }
}
