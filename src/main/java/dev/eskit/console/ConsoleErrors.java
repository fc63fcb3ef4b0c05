package dev.eskit.console;

import dev.eskit.processing.api.ReplayRefusedException;
import dev.eskit.processing.api.UnknownDeadLetterException;
import dev.eskit.processing.api.UnknownProcessorException;
import dev.eskit.queries.api.InvalidCursorException;
import dev.eskit.queries.api.InvalidSelectorException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal on a console page is a page (or, for htmx, a message in the page's flash area) with
 * the same status and detail the API would give; nothing was changed.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler({InvalidCursorException.class, InvalidSelectorException.class, IllegalArgumentException.class,
            MethodArgumentTypeMismatchException.class})
    ModelAndView badRequest(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, e.getMessage(), request, response);
    }

    @ExceptionHandler({UnknownProcessorException.class, UnknownDeadLetterException.class})
    ModelAndView notFound(RuntimeException e, HttpServletRequest request, HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, e.getMessage(), request, response);
    }

    @ExceptionHandler(ReplayRefusedException.class)
    ModelAndView conflict(ReplayRefusedException e, HttpServletRequest request, HttpServletResponse response) {
        return page(HttpStatus.CONFLICT, e.getMessage(), request, response);
    }

    @ExceptionHandler(ErrorResponseException.class)
    ModelAndView refused(ErrorResponseException e, HttpServletRequest request, HttpServletResponse response) {
        String detail = e.getBody().getDetail();
        return page(e.getStatusCode(), detail != null ? detail : e.getBody().getTitle(), request, response);
    }

    static ModelAndView page(HttpStatusCode status, String message, HttpServletRequest request,
                                     HttpServletResponse response) {
        log.debug("console refused {} {}: {}", request.getMethod(), request.getRequestURI(), message);
        boolean fragment = request.getHeader(ConsolePaths.HTMX_REQUEST) != null;
        ModelAndView page = new ModelAndView(fragment ? "console/error :: message" : "console/error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        if (fragment) {
            // htmx swaps this into the flash area instead of the element the request meant to replace
            response.setHeader("HX-Retarget", "#flash");
            response.setHeader("HX-Reswap", "innerHTML");
        }
        return page;
    }
}
