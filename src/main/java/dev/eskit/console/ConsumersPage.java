package dev.eskit.console;

import dev.eskit.queries.api.ConsumerCheckpoints;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/** Consumers' checkpoints with their lag; an admin forgets one. */
@Controller
@RequestMapping(ConsolePaths.ROOT + "/consumers")
class ConsumersPage {

    private final ConsumerCheckpoints checkpoints;
    private final ConsoleAudit audit;

    ConsumersPage(ConsumerCheckpoints checkpoints, ConsoleAudit audit) {
        this.checkpoints = checkpoints;
        this.audit = audit;
    }

    @GetMapping
    String all(Model model) {
        model.addAttribute("consumers", checkpoints.all());
        return "console/consumers";
    }

    @PostMapping("/{name}/delete")
    String delete(@PathVariable String name, Authentication authentication, Model model) {
        if (!checkpoints.delete(name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "there is no consumer " + name);
        }
        audit.acted(Viewer.of(authentication), "delete", "consumer " + name);
        model.addAttribute("consumers", checkpoints.all());
        return "console/consumers :: table";
    }
}
