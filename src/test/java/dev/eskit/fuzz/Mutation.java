package dev.eskit.fuzz;

/** How a generated request departs from what the contract allows; {@code NONE} sends a valid one. */
enum Mutation {
    NONE,
    DROP_REQUIRED_FIELD,
    EXTRA_FIELD,
    WRONG_JSON_TYPE,
    HUGE_STRING,
    ODD_UNICODE_AND_NUL,
    DEEP_NESTING,
    NUMBER_AT_LIMITS,
    NOT_JSON,
    EMPTY_BODY,
    WRONG_CONTENT_TYPE,
    WRONG_ENCODING,
    BAD_PARAMETER,
    UNKNOWN_PARAMETER,
    HOSTILE_PATH,
    BAD_PRECONDITION;

    /** Whether it changes the JSON body; a write that takes none is sent one, to carry the mutation. */
    boolean changesTheBody() {
        return switch (this) {
            case DROP_REQUIRED_FIELD, EXTRA_FIELD, WRONG_JSON_TYPE, HUGE_STRING, ODD_UNICODE_AND_NUL, DEEP_NESTING,
                 NUMBER_AT_LIMITS, NOT_JSON, EMPTY_BODY -> true;
            default -> false;
        };
    }
}
