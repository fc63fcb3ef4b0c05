package dev.eskit.web.problem;

import dev.eskit.commands.api.Rejection;
import dev.eskit.config.StoreUnavailable;
import dev.eskit.queries.api.InvalidCursorException;
import dev.eskit.queries.api.InvalidSelectorException;
import dev.eskit.web.problem.Problems.FieldProblem;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into RFC 9457 problem+json. Spring's base class already covers the HTTP
 * layer (405, 406, 415, missing parameters, type mismatches); this adds field lists, domain
 * refusals, body limits, an unreachable store, and a last resort that never leaks a stack trace.
 * Every problem leaves here with a {@code type}, the framework's own included.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /**
     * Domain refusals (a {@link Rejection} on either store), unreadable cursors and selectors, and an
     * unreachable store: each means the same problem on every API ({@link FailureProblems}).
     */
    @ExceptionHandler({CommandExecutionException.class, InvalidCursorException.class, InvalidSelectorException.class})
    ResponseEntity<Object> refused(Exception exception, WebRequest request) {
        Optional<ProblemDetail> problem = FailureProblems.of(exception);
        if (problem.isEmpty()) {
            return unexpected(exception, request);
        }
        if (FailureProblems.isStoreUnavailable(problem.get())) {
            return storeUnavailable(exception, request);
        }
        return problem(exception, problem.get(), request);
    }

    /** Tomcat parses a query string when it is first read, and refuses one it cannot (a parameter without a name, a bad escape). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> malformedQuery(InvalidParameterException exception, WebRequest request) {
        return problem(exception, Problems.detail(HttpStatus.BAD_REQUEST, "malformed-query",
                "the query string is malformed: " + exception.getMessage()), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception, WebRequest request) {
        if (StoreUnavailable.isCause(exception)) {
            return storeUnavailable(exception, request);
        }
        log.error("request failed unexpectedly", exception);
        return problem(exception, FailureProblems.internalError(), request);
    }

    private ResponseEntity<Object> storeUnavailable(Exception exception, WebRequest request) {
        log.warn("the store is unreachable", exception);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, StoreUnavailable.RETRY_AFTER_SECONDS);
        return handleExceptionInternal(exception, FailureProblems.storeUnavailable(), headers,
                HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (BodySizeLimit.isCause(exception)) {
            return problem(exception, Problems.detail(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                    "the request body is larger than the configured limit"), request);
        }
        return problem(exception, MalformedBodies.problem(exception), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        return handleExceptionInternal(Problems.invalidFields(errors), null, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(parameterName(result), error.getDefaultMessage())))
                .toList();
        return handleExceptionInternal(Problems.invalidFields(errors), null, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String expected = exception.getRequiredType() == null ? "another type"
                : exception.getRequiredType().getSimpleName().toLowerCase(Locale.ROOT);
        return handleExceptionInternal(Problems.invalidField(String.valueOf(exception.getPropertyName()),
                "'" + exception.getValue() + "' is not a valid " + expected), null, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException exception,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return handleExceptionInternal(Problems.invalidField(exception.getParameterName(), "is required"), null, headers,
                HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException exception, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return problem(exception, Problems.detail(HttpStatus.NOT_FOUND, "not-found",
                "there is no resource at " + exception.getHttpMethod() + " /" + exception.getResourcePath()), request);
    }

    /** The one place every problem passes: those the framework built itself get a type too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            Problems.typed(problem);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static String parameterName(ParameterValidationResult result) {
        String name = result.getMethodParameter().getParameterName();
        return name != null ? name : "parameter " + result.getMethodParameter().getParameterIndex();
    }

    private ResponseEntity<Object> problem(Exception exception, ProblemDetail problem, WebRequest request) {
        return handleExceptionInternal(exception, problem, new HttpHeaders(), HttpStatus.valueOf(problem.getStatus()),
                request);
    }
}
