package dev.eskit.commands.support;

import dev.eskit.commands.api.Rejection;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches the details of a refused command by the reason of the refusal. */
public final class Rejections {

    private Rejections() {
    }

    public static Matcher<Rejection> rejection(Rejection.Reason reason) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Rejection rejection) {
                return rejection.reason() == reason;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rejection " + reason);
            }
        };
    }
}
