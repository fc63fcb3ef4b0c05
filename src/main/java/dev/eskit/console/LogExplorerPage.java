package dev.eskit.console;

import dev.eskit.queries.api.EventLog;
import dev.eskit.queries.api.LogFollower;
import dev.eskit.web.log.LogRelay;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The log explorer: a search on the server by selector, time range, stream prefix and request id,
 * and a live tail of the same filter over the log's SSE relay, paused and resumed without a gap.
 */
@Controller
@RequestMapping(ConsolePaths.ROOT + "/log")
class LogExplorerPage {

    /** The SSE event name the tail's rows arrive under; the page's {@code sse-swap} names it too. */
    static final String TAIL_EVENT = "entry";

    private final LogSearch search;
    private final EventLog log;
    private final LogRelay relay;
    private final ConsoleEvents events;
    private final ITemplateEngine templates;

    LogExplorerPage(LogSearch search, EventLog log, LogRelay relay, ConsoleEvents events, ITemplateEngine templates) {
        this.search = search;
        this.log = log;
        this.relay = relay;
        this.events = events;
        this.templates = templates;
    }

    @GetMapping
    String explore(@ModelAttribute("query") LogQuery query, @RequestParam(required = false) String after,
                   @RequestHeader(name = ConsolePaths.HTMX_REQUEST, required = false) boolean fragment,
                   Authentication authentication, Model model) {
        LogFilter filter = query.filter();
        Viewer viewer = Viewer.of(authentication);
        LogSearch.Found found = search.search(filter, after);
        model.addAttribute("events", found.events().stream().map(event -> events.of(event, null, viewer)).toList());
        model.addAttribute("next", found.next());
        model.addAttribute("head", found.head());
        if (fragment) {
            return "console/log :: results";
        }
        // the page's tail starts live at the head
        model.addAttribute("live", true);
        model.addAttribute("after", log.headCursor());
        return "console/log";
    }

    /** The tail's control: live (connected to the relay, after {@code after}) or paused. */
    @GetMapping("/tail-control")
    String tailControl(@ModelAttribute("query") LogQuery query, @RequestParam(defaultValue = "true") boolean live,
                       @RequestParam(required = false) String after, Model model) {
        query.filter(); // a bad filter is refused here, before the page connects the tail to it
        model.addAttribute("live", live);
        model.addAttribute("after", after == null || after.isBlank() ? log.headCursor() : after);
        return "console/log :: tail-control";
    }

    @GetMapping(path = "/tail", produces = "text/event-stream")
    SseEmitter tail(@ModelAttribute("query") LogQuery query, @RequestParam String after, Authentication authentication) {
        LogFilter filter = query.filter();
        Viewer viewer = Viewer.of(authentication);
        LogFollower follower = log.follow(after, filter.selector());
        return relay.start(follower, entry -> filter.matches(entry.event())
                ? Optional.of(SseEmitter.event().name(TAIL_EVENT).id(entry.cursor())
                        .data(row(events.of(entry.event(), entry.cursor(), viewer))))
                : Optional.empty());
    }

    /** One row of the tail, rendered by the same fragment as the search's rows, on one line as SSE data must be. */
    private String row(ConsoleEvent event) {
        Context context = new Context();
        context.setVariable("event", event);
        return templates.process("console/events", Set.of("event-row"), context).replace("\n", "&#10;");
    }
}
