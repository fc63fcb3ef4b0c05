package dev.eskit.grpc;

import dev.eskit.grpc.v1.Direction;
import dev.eskit.grpc.v1.LogGrpc;
import dev.eskit.grpc.v1.LogPage;
import dev.eskit.grpc.v1.ReadLogRequest;
import dev.eskit.grpc.v1.SubscribeRequest;
import dev.eskit.grpc.v1.SubscribeResponse;
import dev.eskit.queries.api.EventLog;
import dev.eskit.queries.api.Selector;
import dev.eskit.web.log.LogStarts;
import dev.eskit.web.problem.Problems;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import org.springframework.grpc.server.service.GrpcService;

/** eskit.v1.Log: pages of the global log, and live subscriptions, with the HTTP API's cursors. */
@GrpcService
class LogGrpcService extends LogGrpc.LogImplBase {

    private static final int DEFAULT_LIMIT = 500;
    private static final int MAX_LIMIT = 1000;
    private static final int MAX_WAIT_SECONDS = 30;

    private final EventLog log;
    private final LogSubscriptions subscriptions;
    private final ProtoMessages messages;

    LogGrpcService(EventLog log, LogSubscriptions subscriptions, ProtoMessages messages) {
        this.log = log;
        this.subscriptions = subscriptions;
        this.messages = messages;
    }

    @Override
    public void read(ReadLogRequest request, StreamObserver<LogPage> responses) {
        int limit = Limits.of("limit", request.getLimit(), DEFAULT_LIMIT, MAX_LIMIT);
        if (request.getWaitSeconds() < 0 || request.getWaitSeconds() > MAX_WAIT_SECONDS) {
            throw Problems.invalidField("waitSeconds", "must be between 0 and " + MAX_WAIT_SECONDS);
        }
        Selector selector = Selector.parse(request.getSelector());
        dev.eskit.queries.api.LogPage page;
        try {
            page = LogStarts.read(log, request.getAfter(), request.hasFrom() ? ProtoJson.instant(request.getFrom()) : null,
                    request.getDirection() == Direction.BACKWARDS, limit, selector, Duration.ofSeconds(request.getWaitSeconds()));
        } catch (InterruptedException shuttingDown) {
            Thread.currentThread().interrupt();
            responses.onError(Status.UNAVAILABLE.withDescription("the server is shutting down").asException());
            return;
        }
        LogPage.Builder answer = LogPage.newBuilder().setCursor(page.cursor()).setHead(page.head());
        page.entries().forEach(event -> answer.addEntries(messages.event(event)));
        Unary.reply(responses, answer.build());
    }

    @Override
    public void subscribe(SubscribeRequest request, StreamObserver<SubscribeResponse> responses) {
        Selector selector = Selector.parse(request.getSelector());
        String start = switch (request.getStartCase()) {
            case AFTER -> {
                if (request.getAfter().isBlank()) {
                    throw Problems.invalidField("after", "is empty: give a cursor, or from_start or from_end");
                }
                yield request.getAfter();
            }
            case FROM_END -> log.headCursor();
            case FROM_TIME -> log.cursorAt(ProtoJson.instant(request.getFromTime()));
            case FROM_START, START_NOT_SET -> null;
        };
        subscriptions.start(log.follow(start, selector), (ServerCallStreamObserver<SubscribeResponse>) responses);
    }
}
