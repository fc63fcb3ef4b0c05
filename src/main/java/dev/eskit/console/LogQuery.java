package dev.eskit.console;

/** The log explorer's form as the browser sends it; any field may be absent. */
record LogQuery(String selector, String from, String until, String prefix, String requestId) {

    LogFilter filter() {
        return LogFilter.of(selector, from, until, prefix, requestId);
    }
}
