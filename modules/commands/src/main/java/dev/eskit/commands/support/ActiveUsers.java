package dev.eskit.commands.support;

import dev.eskit.commands.api.user.UserId;

/** Whether a user exists and is active, as the write side knows it, for aggregates that refer to users. */
public interface ActiveUsers {

    boolean isActive(UserId user);
}
