package dev.eskit.console;

import dev.eskit.queries.api.Entity;
import dev.eskit.queries.api.EntityHistoryEntry;
import dev.eskit.queries.api.EntityQueries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Entity types with their schemas, a type's entities, and an entity's history with its document at any version. */
@Controller
@RequestMapping(ConsolePaths.ROOT + "/entities")
class EntitiesPage {

    private final EntityQueries entities;
    private final ConsoleEvents json;

    EntitiesPage(EntityQueries entities, ConsoleEvents json) {
        this.entities = entities;
        this.json = json;
    }

    @GetMapping
    String types(Model model) {
        model.addAttribute("types", entities.types().stream()
                .map(type -> new TypeRow(type.type(), type.schemaVersion(), json.pretty(type.schema()))).toList());
        return "console/entity-types";
    }

    @GetMapping("/{type}")
    String list(@PathVariable String type, @RequestParam(required = false) String after, Model model) {
        model.addAttribute("type", type);
        model.addAttribute("page", entities.list(type, StreamsPage.PAGE, after));
        return "console/entities";
    }

    @GetMapping("/{type}/{id}")
    String history(@PathVariable String type, @PathVariable String id, @RequestParam(required = false) Long version,
                   Model model) {
        List<EntityHistoryEntry> history = entities.history(type, id).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "there is no entity " + type + "/" + id));
        long shown = version == null ? history.get(history.size() - 1).version() : version;
        Entity document = entities.atVersion(type, id, shown, true).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, type + "/" + id + " has no version " + shown));
        model.addAttribute("type", type);
        model.addAttribute("id", id);
        List<HistoryRow> newestFirst = new ArrayList<>(history.stream().map(this::row).toList());
        Collections.reverse(newestFirst);
        model.addAttribute("history", newestFirst);
        model.addAttribute("shown", shown);
        model.addAttribute("document", document);
        model.addAttribute("documentJson", json.pretty(document.data()));
        return "console/entity";
    }

    private HistoryRow row(EntityHistoryEntry entry) {
        return new HistoryRow(entry.version(), entry.event(), entry.timestamp(), entry.actor(), entry.changes().stream()
                .map(change -> new ChangeRow(change.path(), json.compact(change.from()), json.compact(change.to())))
                .toList());
    }

    record TypeRow(String type, int schemaVersion, String schema) {
    }

    /** A version on the timeline, with each field it changed (an empty side: absent). */
    record HistoryRow(long version, String event, Instant timestamp, String actor, List<ChangeRow> changes) {
    }

    record ChangeRow(String path, String from, String to) {
    }
}
