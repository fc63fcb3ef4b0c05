package dev.eskit.queries.api;

/** Where each raw stream stands after its deletions, known as soon as a deletion is stored. */
public interface StreamLifecycles {

    /** The stream's lifecycle; a stream never deleted has its events visible from version 1. */
    Lifecycle of(String streamId);

    /** {@code deletedThrough}: the version of the latest deletion (0: none); reads show only later events. */
    record Lifecycle(long deletedThrough, boolean tombstoned) {

        public static final Lifecycle NEVER_DELETED = new Lifecycle(0, false);

        /** Whether a stream at {@code version} shows any event. */
        public boolean showsEventsAt(long version) {
            return version > deletedThrough;
        }

        /** The first version reads show. */
        public long firstVisibleVersion() {
            return deletedThrough + 1;
        }
    }
}
