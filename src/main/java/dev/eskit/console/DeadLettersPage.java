package dev.eskit.console;

import dev.eskit.metrics.api.DeadLetters;
import dev.eskit.metrics.api.RetryOutcome;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The events projections failed on, each with its cause; an admin retries a letter's stream or drops the letter. */
@Controller
@RequestMapping(ConsolePaths.ROOT + "/dead-letters")
class DeadLettersPage {

    private final DeadLetters deadLetters;
    private final ConsoleAudit audit;

    DeadLettersPage(DeadLetters deadLetters, ConsoleAudit audit) {
        this.deadLetters = deadLetters;
        this.audit = audit;
    }

    @GetMapping
    String all(Model model) {
        model.addAttribute("letters", deadLetters.all());
        return "console/dead-letters";
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable String id, Authentication authentication, Model model) {
        RetryOutcome outcome = deadLetters.retry(id);
        audit.acted(Viewer.of(authentication), "retry", "dead letter " + id);
        model.addAttribute("outcome", outcome.succeeded()
                ? "Retried: every parked event of " + outcome.sequence() + " went through."
                : "Retried: it failed again; " + outcome.remaining() + " event(s) of " + outcome.sequence() + " stay parked.");
        return letters(model);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable String id, Authentication authentication, Model model) {
        deadLetters.delete(id);
        audit.acted(Viewer.of(authentication), "delete", "dead letter " + id);
        model.addAttribute("outcome", "Deleted: the projection will never see that event.");
        return letters(model);
    }

    private String letters(Model model) {
        model.addAttribute("letters", deadLetters.all());
        return "console/dead-letters :: letters";
    }
}
