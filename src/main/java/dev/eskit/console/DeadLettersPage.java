package dev.eskit.console;

import dev.eskit.processing.api.DeadLetter;
import dev.eskit.processing.api.DeadLetters;
import dev.eskit.processing.api.RetryOutcome;
import dev.eskit.processing.api.UnknownDeadLetterException;
import dev.eskit.queries.api.LoggedEvent;
import dev.eskit.web.streams.StreamReads;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The events projections failed on, each with its cause and, opened, the event itself; an admin
 * retries a letter's stream or drops the letter.
 */
@Controller
@RequestMapping(ConsolePaths.ROOT + "/dead-letters")
class DeadLettersPage {

    private final DeadLetters deadLetters;
    private final StreamReads reads;
    private final ConsoleEvents events;
    private final ConsoleAudit audit;

    DeadLettersPage(DeadLetters deadLetters, StreamReads reads, ConsoleEvents events, ConsoleAudit audit) {
        this.deadLetters = deadLetters;
        this.reads = reads;
        this.events = events;
        this.audit = audit;
    }

    @GetMapping
    String all(Model model) {
        model.addAttribute("letters", deadLetters.all());
        return "console/dead-letters";
    }

    /** The parked event itself, fetched when its row is opened. */
    @GetMapping("/{id}/event")
    String event(@PathVariable String id, Authentication authentication, Model model) {
        DeadLetter letter = deadLetters.all().stream().filter(parked -> parked.id().equals(id)).findFirst()
                .orElseThrow(() -> new UnknownDeadLetterException(id));
        if (letter.streamId() == null || letter.version() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "dead letter " + id + " names no stored event");
        }
        Viewer viewer = Viewer.of(authentication);
        LoggedEvent event = reads.forwards(letter.streamId(), letter.version(), letter.version(), 1).events().stream()
                .findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "the event of dead letter " + id + " is no longer readable"));
        model.addAttribute("event", events.of(event, null, viewer));
        return "console/dead-letters :: event";
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
