package dev.eskit.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Every action taken in the console, logged with the admin who took it (the JSON logs carry it as {@code actor} too). */
@Component
class ConsoleAudit {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAudit.class);

    void acted(Viewer viewer, String action, String target) {
        log.info("console action {} on {} by {}", action, target, viewer.name());
    }
}
