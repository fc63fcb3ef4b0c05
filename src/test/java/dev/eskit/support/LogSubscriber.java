package dev.eskit.support;

import dev.eskit.grpc.v1.LogGrpc;
import dev.eskit.grpc.v1.SubscribeRequest;
import dev.eskit.grpc.v1.SubscribeResponse;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A Log.Subscribe call held open by a test: its messages in a queue, read as fast as the test wants. */
public final class LogSubscriber implements AutoCloseable {

    private final BlockingQueue<SubscribeResponse> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Status> ended = new CompletableFuture<>();
    private volatile ClientCallStreamObserver<SubscribeRequest> call;

    /** With {@code window} 0 the client takes every message as it comes; otherwise it asks for this many, then for more by {@link #request}. */
    public LogSubscriber(LogGrpc.LogStub stub, SubscribeRequest request, int window) {
        stub.subscribe(request, new ClientResponseObserver<SubscribeRequest, SubscribeResponse>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<SubscribeRequest> requests) {
                call = requests;
                if (window > 0) {
                    requests.disableAutoRequestWithInitial(window);
                }
            }

            @Override
            public void onNext(SubscribeResponse message) {
                messages.add(message);
            }

            @Override
            public void onError(Throwable failure) {
                ended.complete(Status.fromThrowable(failure));
            }

            @Override
            public void onCompleted() {
                ended.complete(Status.OK);
            }
        });
    }

    public LogSubscriber(LogGrpc.LogStub stub, SubscribeRequest request) {
        this(stub, request, 0);
    }

    /** The next message, or null when none arrives within {@code timeout}. */
    public SubscribeResponse next(Duration timeout) throws InterruptedException {
        return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void request(int count) {
        call.request(count);
    }

    /** How the call ended, waiting at most {@code timeout}. */
    public Status awaitEnd(Duration timeout) throws Exception {
        return ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        call.cancel("the test is done with it", null);
    }
}
