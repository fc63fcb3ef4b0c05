package dev.eskit.queries.api;

import java.util.List;

/** A page of gatherings sorted by start; {@code next} is null on the last page. */
public record GatheringPage(List<Gathering> items, String next) {
}
