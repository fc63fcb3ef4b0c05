package dev.eskit.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class UnwrappedHandlerLookupTest {

    @Test
    void findsTheContainersRequestUnderEveryWrapper() {
        MockHttpServletRequest container = new MockHttpServletRequest("POST", "/api/v1/entities/Order");
        HttpServletRequestWrapper filters = new HttpServletRequestWrapper(new HttpServletRequestWrapper(container));

        assertThat(UnwrappedHandlerLookup.unwrapped(filters)).isSameAs(container);
        assertThat(UnwrappedHandlerLookup.unwrapped(container)).isSameAs(container);
    }
}
