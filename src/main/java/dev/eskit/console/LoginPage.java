package dev.eskit.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The form Spring Security's form login posts to {@code /console/login}. */
@Controller
class LoginPage {

    @GetMapping(ConsolePaths.ROOT + "/login")
    String login() {
        return "console/login";
    }
}
