package dev.eskit.commands.api.gathering;

/** What sort of gathering it is. */
public enum Kind {
    PARTY, CONCERT, FESTIVAL, MEETUP
}
