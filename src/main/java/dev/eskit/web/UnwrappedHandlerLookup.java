package dev.eskit.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Finds a request's controller method on the servlet container's own request, under the filters'
 * wrappers. A path with variables ({@code /api/v1/entities/{type}}) is matched against every mapping
 * of the application, and each match asks the request for its method and Content-Type through about
 * ten wrappers, Spring Security's firewall checking the header name with a regular expression each
 * time. The lookup was a fifth of a create's samples on the request thread, and is 15 % on the
 * unwrapped request (flight recordings of W1 at 16 clients, see docs/benchmarks.md).
 * <p>
 * Method, path and headers read the same on the unwrapped request, attributes set on it are seen
 * through every wrapper, and the handler then reads the request through them all, the firewall
 * included. The form-content wrapper only adds parameters, and no mapping here matches on them.
 */
@Configuration(proxyBeanMethods = false)
class UnwrappedHandlerLookup {

    @Bean
    WebMvcRegistrations lookupOnTheContainersRequest() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new RequestMappingHandlerMapping() {
                    @Override
                    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
                        // a forward or error dispatch wraps the request to change what it reads: it is matched as it is
                        boolean plain = request.getDispatcherType() == DispatcherType.REQUEST;
                        return super.lookupHandlerMethod(lookupPath, plain ? unwrapped(request) : request);
                    }
                };
            }
        };
    }

    static HttpServletRequest unwrapped(HttpServletRequest request) {
        HttpServletRequest inner = request;
        while (inner instanceof HttpServletRequestWrapper wrapper && wrapper.getRequest() instanceof HttpServletRequest next) {
            inner = next;
        }
        return inner;
    }
}
