package dev.eskit.console;

/** Where the console lives, and the header htmx sends with the requests it makes for a fragment. */
final class ConsolePaths {

    static final String ROOT = "/console";
    static final String HTMX_REQUEST = "HX-Request";

    private ConsolePaths() {
    }
}
