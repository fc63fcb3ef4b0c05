package dev.eskit.console;

import dev.eskit.commands.api.PersonalDataVault;
import dev.eskit.commands.api.user.UserId;
import dev.eskit.queries.api.User;
import dev.eskit.queries.api.UserPage;
import dev.eskit.queries.api.UserQueries;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Users from their read table; names and emails are personal data, shown to admins only ("[erased]" after erasure). */
@Controller
@RequestMapping(ConsolePaths.ROOT + "/users")
class UsersPage {

    private final UserQueries users;

    UsersPage(UserQueries users) {
        this.users = users;
    }

    @GetMapping
    String list(@RequestParam(required = false) String after, Authentication authentication, Model model) {
        Viewer viewer = Viewer.of(authentication);
        UserPage page = users.list(null, StreamsPage.PAGE, after);
        model.addAttribute("users", page.items().stream().map(user -> shownTo(viewer, user)).toList());
        model.addAttribute("next", page.next());
        model.addAttribute("streamPrefix", UserId.STREAM_PREFIX);
        return "console/users";
    }

    private static User shownTo(Viewer viewer, User user) {
        return viewer.admin() ? user
                : new User(user.id(), personal(user.name()), personal(user.email()), user.status(), user.version(),
                        user.registeredAt());
    }

    private static String personal(String value) {
        return PersonalDataVault.ERASED.equals(value) ? value : ConsoleEvents.HIDDEN;
    }
}
