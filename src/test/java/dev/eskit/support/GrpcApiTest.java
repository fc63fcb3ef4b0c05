package dev.eskit.support;

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
}
