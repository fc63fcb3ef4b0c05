package dev.eskit.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The security filter forwards a refused request here, whatever its method: a reader's action, or
 * an action without its CSRF token. Nothing was changed.
 */
@Controller
class DeniedPage {

    @RequestMapping(ConsolePaths.ROOT + "/denied")
    ModelAndView denied(HttpServletRequest request, HttpServletResponse response) {
        return ConsoleErrors.page(HttpStatus.FORBIDDEN,
                "only an admin may do this, from a page of this console (its form carries the CSRF token)",
                request, response);
    }
}
