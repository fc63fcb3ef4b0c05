package dev.eskit.commands.api.gathering;

/** Where a gathering takes place; country is an ISO 3166 alpha-2 code. */
public record Venue(String name, String address, String country) {
}
