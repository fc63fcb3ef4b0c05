package dev.eskit.console;

import dev.eskit.processing.api.EventProcessors;
import dev.eskit.processing.api.ProcessorStatus;
import dev.eskit.queries.api.Consumer;
import dev.eskit.queries.api.ConsumerCheckpoints;
import dev.eskit.queries.api.EventLog;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The first page: the head and its rate, every processor's lag, consumers, dead letters, health. Live. */
@Controller
@RequestMapping(ConsolePaths.ROOT)
class OverviewPage {

    private final EventLog log;
    private final EventProcessors processors;
    private final ConsumerCheckpoints consumers;
    private final HealthContributorRegistry health;
    private final HeadRate rate;

    OverviewPage(EventLog log, EventProcessors processors, ConsumerCheckpoints consumers,
                 HealthContributorRegistry health, HeadRate rate) {
        this.log = log;
        this.processors = processors;
        this.consumers = consumers;
        this.health = health;
        this.rate = rate;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("overview", overview());
        return "console/overview";
    }

    @GetMapping("/overview/live")
    String live(Model model) {
        model.addAttribute("overview", overview());
        return "console/overview :: live";
    }

    private Overview overview() {
        long head = log.head();
        List<ProcessorStatus> statuses = processors.all();
        // each projection's status counts its parked letters already; listing them would read their payloads
        long parked = statuses.stream().map(ProcessorStatus::deadLetters).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
        return new Overview(head, rate.perSecond(head, System.nanoTime()), statuses, consumers.all(), parked, components());
    }

    private List<Component> components() {
        return health.stream()
                .filter(entry -> entry.contributor() instanceof HealthIndicator)
                .map(entry -> new Component(entry.name(),
                        ((HealthIndicator) entry.contributor()).health().getStatus().getCode()))
                .toList();
    }

    record Overview(long head, OptionalDouble eventsPerSecond, List<ProcessorStatus> processors,
                    List<Consumer> consumers, long deadLetters, List<Component> health) {
    }

    /** A health indicator and its status (UP, DOWN, OUT_OF_SERVICE, UNKNOWN). */
    record Component(String name, String status) {
    }
}
