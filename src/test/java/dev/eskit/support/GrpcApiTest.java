package dev.eskit.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Empty;
import dev.eskit.grpc.v1.AppendRequest;
import dev.eskit.grpc.v1.ExpectedVersion;
import dev.eskit.grpc.v1.NewEvent;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcServerPort;

/** Base of the gRPC tests: a channel to the running context's gRPC port, beside the HTTP client. */
public abstract class GrpcApiTest extends ApiTest {

    @LocalGrpcServerPort
    private int grpcPort;
    @Value("${eskit.security.dev-accounts}")
    private boolean devAccounts;

    protected Grpc grpc;

    @BeforeEach
    void openChannel() {
        grpc = new Grpc(grpcPort, devAccounts);
    }

    @AfterEach
    void closeChannel() throws InterruptedException {
        grpc.close();
    }

    protected static final ExpectedVersion ANY = ExpectedVersion.getDefaultInstance();
    protected static final ExpectedVersion NO_STREAM = ExpectedVersion.newBuilder().setNoStream(Empty.getDefaultInstance()).build();
    protected static final ExpectedVersion STREAM_EXISTS = ExpectedVersion.newBuilder().setStreamExists(Empty.getDefaultInstance()).build();

    protected static ExpectedVersion exactly(long version) {
        return ExpectedVersion.newBuilder().setExact(version).build();
    }

    protected static NewEvent newEvent(String type, String data) {
        return NewEvent.newBuilder().setType(type).setData(data).build();
    }

    protected static NewEvent newEvent(String id, String type, String data) {
        return newEvent(type, data).toBuilder().setId(id).build();
    }

    protected static AppendRequest appendRequest(String stream, ExpectedVersion expected, NewEvent... events) {
        return AppendRequest.newBuilder().setStreamId(stream).setExpectedVersion(expected).addAllEvents(List.of(events)).build();
    }

    /** The status code of a call that must fail. */
    protected static Status.Code code(Runnable call) {
        return refused(call).getStatus().getCode();
    }

    /** The fields named by a call that must fail with INVALID_ARGUMENT. */
    protected static List<String> invalidFields(Runnable call) {
        StatusRuntimeException failure = refused(call);
        assertThat(failure.getStatus().getCode()).as(failure.toString()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        return Grpc.violatedFields(failure);
    }

    /** The failure of a call that must fail. */
    protected static StatusRuntimeException refused(Runnable call) {
        StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(failure).as("the call should have failed").isNotNull();
        return failure;
    }
}
