package dev.eskit.grpc;

import dev.eskit.web.RequestIds;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.function.Supplier;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.grpc.server.security.GrpcSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Gives every call a request id, as HTTP does: the caller's {@code x-request-id} metadata when sane,
 * echoed in the response headers (or trailers, for a call that fails first), on every log line of
 * the call with its actor, and in the metadata of the events it stores. It runs inside the security
 * interceptors, so the caller is known by then.
 */
class CallLogContext implements ServerInterceptor, Ordered {

    static final Metadata.Key<String> REQUEST_ID = Metadata.Key.of(RequestIds.HEADER, Metadata.ASCII_STRING_MARSHALLER);
    private static final String ACTOR = "actor";

    @Override
    public int getOrder() {
        return GrpcSecurity.CONTEXT_FILTER_ORDER + 1;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String requestId = RequestIds.accept(headers.get(REQUEST_ID));
        ServerCall<Q, R> echoing = new SimpleForwardingServerCall<>(call) {
            private boolean headersSent;

            @Override
            public void sendHeaders(Metadata responseHeaders) {
                responseHeaders.put(REQUEST_ID, requestId);
                headersSent = true;
                super.sendHeaders(responseHeaders);
            }

            @Override
            public void close(Status status, Metadata trailers) {
                if (!headersSent) {
                    trailers.put(REQUEST_ID, requestId);
                }
                super.close(status, trailers);
            }
        };
        ServerCall.Listener<Q> listener = within(requestId, () -> next.startCall(echoing, headers));
        return new SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onMessage(Q message) {
                within(requestId, () -> super.onMessage(message));
            }

            @Override
            public void onHalfClose() {
                within(requestId, super::onHalfClose);
            }

            @Override
            public void onCancel() {
                within(requestId, super::onCancel);
            }

            @Override
            public void onComplete() {
                within(requestId, super::onComplete);
            }

            @Override
            public void onReady() {
                within(requestId, super::onReady);
            }
        };
    }

    private static void within(String requestId, Runnable work) {
        within(requestId, () -> {
            work.run();
            return null;
        });
    }

    private static <T> T within(String requestId, Supplier<T> work) {
        MDC.put(RequestIds.LOG_KEY, requestId);
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller != null && caller.isAuthenticated()) {
            MDC.put(ACTOR, caller.getName());
        }
        try {
            return work.get();
        } finally {
            MDC.remove(RequestIds.LOG_KEY);
            MDC.remove(ACTOR);
        }
    }
}
