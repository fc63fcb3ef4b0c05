package dev.eskit.grpc;

import io.grpc.stub.StreamObserver;

/** A unary call's one answer. A failure is thrown instead, and {@link GrpcProblems} turns it into a status. */
final class Unary {

    private Unary() {
    }

    static <T> void reply(StreamObserver<T> responses, T response) {
        responses.onNext(response);
        responses.onCompleted();
    }
}
