package dev.eskit.console;

import dev.eskit.queries.api.StreamEvents;
import dev.eskit.web.streams.Listings;
import dev.eskit.web.streams.StreamReads;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Streams from the catalog (through the API's listings: the same limits, and what was stored before shows), filtered by id prefix and partition; a stream's events forwards and backwards. */
@Controller
@RequestMapping(ConsolePaths.ROOT + "/streams")
class StreamsPage {

    static final int PAGE = 25;
    private static final int PARTITIONS_SHOWN = 200;

    private final Listings catalog;
    private final StreamReads reads;
    private final ConsoleEvents events;

    StreamsPage(Listings catalog, StreamReads reads, ConsoleEvents events) {
        this.catalog = catalog;
        this.reads = reads;
        this.events = events;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String prefix, @RequestParam(defaultValue = "") String partition,
                @RequestParam(required = false) String after,
                @RequestHeader(name = ConsolePaths.HTMX_REQUEST, required = false) boolean fragment, Model model) {
        model.addAttribute("prefix", prefix);
        model.addAttribute("partition", partition);
        model.addAttribute("streams", catalog.streams(prefix, partition, PAGE, after));
        if (fragment) {
            return "console/streams :: results";
        }
        model.addAttribute("partitions", catalog.partitions(PARTITIONS_SHOWN, null).items());
        return "console/streams";
    }

    @GetMapping("/{streamId}")
    String stream(@PathVariable String streamId, @RequestParam(required = false) Long from,
                  @RequestParam(defaultValue = "forward") Direction direction, Authentication authentication, Model model) {
        Viewer viewer = Viewer.of(authentication);
        StreamEvents page = direction == Direction.forward
                ? reads.forwards(streamId, from == null ? 1 : from, Long.MAX_VALUE, PAGE)
                : reads.backwards(streamId, from == null ? 0 : from, 1, PAGE);
        model.addAttribute("streamId", streamId);
        model.addAttribute("version", page.version());
        model.addAttribute("direction", direction.name());
        model.addAttribute("events", page.events().stream().map(event -> events.of(event, null, viewer)).toList());
        if (!page.events().isEmpty()) {
            long first = page.events().get(0).version();
            long last = page.events().get(page.events().size() - 1).version();
            long newest = Math.max(first, last);
            long oldest = Math.min(first, last);
            model.addAttribute("newer", newest < page.version() ? newest + 1 : null);
            model.addAttribute("older", oldest > 1 ? oldest - 1 : null);
        }
        return "console/stream";
    }

    /** Which way a stream's page runs; lower case as in the API's {@code direction} parameter. */
    enum Direction {
        forward, backward
    }
}
