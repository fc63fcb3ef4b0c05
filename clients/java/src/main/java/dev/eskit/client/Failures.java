package dev.eskit.client;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Set;

/** Reads the server's google.rpc.Status into the client's exceptions. */
final class Failures {

    private static final Set<Status.Code> TRANSIENT = Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
            Status.Code.RESOURCE_EXHAUSTED, Status.Code.INTERNAL, Status.Code.UNKNOWN);

    private Failures() {
    }

    static boolean isTransient(Status.Code code) {
        return TRANSIENT.contains(code);
    }

    static EskitException of(StatusRuntimeException failure) {
        ErrorInfo info = errorInfo(failure);
        String reason = info == null ? "" : info.getReason();
        String message = failure.getStatus().getDescription() != null ? failure.getStatus().getDescription()
                : failure.getStatus().getCode().name();
        if (info != null && info.containsMetadata("current_version") && reason.equals("WRONG_EXPECTED_VERSION")) {
            return new WrongExpectedVersionException(message, Long.parseLong(info.getMetadataOrThrow("current_version")), failure);
        }
        return new EskitException(failure.getStatus().getCode(), reason, message, failure);
    }

    private static ErrorInfo errorInfo(StatusRuntimeException failure) {
        com.google.rpc.Status status = StatusProto.fromThrowable(failure);
        if (status == null) {
            return null;
        }
        for (com.google.protobuf.Any detail : status.getDetailsList()) {
            if (detail.is(ErrorInfo.class)) {
                try {
                    return detail.unpack(ErrorInfo.class);
                } catch (InvalidProtocolBufferException malformed) {
                    return null;
                }
            }
        }
        return null;
    }
}
