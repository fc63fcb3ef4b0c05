package dev.eskit.web.problem;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error page, for what it refuses before any filter runs (an encoded slash or NUL in
 * the path, a malformed request line): problem+json instead of Tomcat's HTML.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    private final JsonMapper json;

    ProblemErrorReportValve(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !ioAllowed(response)) {
            return;
        }
        ProblemDetail problem = Problems.typed(ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status),
                detail(status, response.getMessage())));
        instance(request).ifPresent(problem::setInstance);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(json.writeValueAsBytes(problem));
            response.finishResponse();
        } catch (IOException | IllegalStateException unwritable) {
            // the client is gone or the response already closed: there is no one left to tell
        }
    }

    private static String detail(int status, String message) {
        if (status == HttpStatus.BAD_REQUEST.value()) {
            return "the server refused the request before it reached the API: "
                    + (message == null || message.isBlank() ? "its request line or headers are malformed" : message);
        }
        HttpStatus known = HttpStatus.resolve(status);
        return message == null || message.isBlank() ? (known == null ? "HTTP " + status : known.getReasonPhrase()) : message;
    }

    private static Optional<URI> instance(Request request) {
        try {
            return Optional.ofNullable(request.getRequestURI()).map(URI::create);
        } catch (IllegalArgumentException notAUri) {
            return Optional.empty();
        }
    }

    private static boolean ioAllowed(Response response) {
        AtomicBoolean allowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, allowed);
        return allowed.get();
    }
}
