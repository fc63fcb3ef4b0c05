package dev.eskit.console;

import dev.eskit.processing.api.EventProcessors;
import dev.eskit.processing.api.UnknownProcessorException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every event processor with its status, position, lag and segments; an admin replays a projection
 * and watches its progress bar, whose row polls itself while the replay runs.
 */
@Controller
@RequestMapping(ConsolePaths.ROOT + "/processors")
class ProcessorsPage {

    private final EventProcessors processors;
    private final ConsoleAudit audit;

    ProcessorsPage(EventProcessors processors, ConsoleAudit audit) {
        this.processors = processors;
        this.audit = audit;
    }

    @GetMapping
    String all(Model model) {
        model.addAttribute("processors", processors.all());
        return "console/processors";
    }

    @GetMapping("/{name}")
    String row(@PathVariable String name, Model model) {
        model.addAttribute("processor", processors.find(name).orElseThrow(() -> new UnknownProcessorException(name)));
        return "console/processors :: row";
    }

    @PostMapping("/{name}/replay")
    String replay(@PathVariable String name, Authentication authentication, Model model) {
        model.addAttribute("processor", processors.replay(name));
        audit.acted(Viewer.of(authentication), "replay", "processor " + name);
        return "console/processors :: row";
    }
}
