package dev.eskit.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.eskit.grpc.v1.ConsumersGrpc;
import dev.eskit.grpc.v1.EntitiesGrpc;
import dev.eskit.grpc.v1.LogGrpc;
import dev.eskit.grpc.v1.StreamsGrpc;
import dev.eskit.support.Api.Role;
import dev.eskit.support.Grpc;
import dev.eskit.support.GrpcApiTest;
import dev.eskit.support.H2Test;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.stub.ClientCalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The grpcurl commands of docs/grpc.md, run as grpcurl runs them: the JSON after {@code -d} read by
 * protobuf's JSON mapping into the method's request, sent to the method it names, with the
 * development writer's credentials. A documented call that no longer parses or fails breaks here.
 */
@H2Test
class DocumentedGrpcCallsTest extends GrpcApiTest {

    private static final Pattern COMMAND = Pattern.compile("grpcurl -plaintext -H \"\\$auth\" -d '(.*?)' localhost:9090 (\\S+)",
            Pattern.DOTALL);

    @Test
    void everyDocumentedCallWorks() throws Exception {
        Matcher commands = COMMAND.matcher(Files.readString(Path.of("..", "docs", "grpc.md")));
        List<String> called = new ArrayList<>();
        while (commands.find()) {
            MethodDescriptor<Message, Message> method = method(commands.group(2));
            Message.Builder request = ((MethodDescriptor.PrototypeMarshaller<Message>) method.getRequestMarshaller())
                    .getMessagePrototype().toBuilder();
            JsonFormat.parser().merge(commands.group(1), request);
            CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS)
                    .withCallCredentials(Grpc.headers(Map.of(Grpc.AUTHORIZATION, grpc.basicAuthorization(Role.WRITER))));
            if (method.getType() == MethodDescriptor.MethodType.UNARY) {
                ClientCalls.blockingUnaryCall(grpc.channel(), method, options, request.build());
            } else {
                Iterator<Message> messages = ClientCalls.blockingServerStreamingCall(grpc.channel(), method, options, request.build());
                assertThat(messages.hasNext()).isTrue();
                messages.next();
            }
            called.add(method.getFullMethodName());
        }
        assertThat(called).contains("eskit.v1.Streams/Append", "eskit.v1.Log/Read", "eskit.v1.Log/Subscribe");
    }

    @SuppressWarnings("unchecked")
    private static MethodDescriptor<Message, Message> method(String fullName) {
        return Stream.of(StreamsGrpc.getServiceDescriptor(), LogGrpc.getServiceDescriptor(), ConsumersGrpc.getServiceDescriptor(),
                        EntitiesGrpc.getServiceDescriptor())
                .map(ServiceDescriptor::getMethods)
                .flatMap(methods -> methods.stream())
                .filter(method -> method.getFullMethodName().equals(fullName))
                .map(method -> (MethodDescriptor<Message, Message>) method)
                .findFirst().orElseThrow(() -> new AssertionError("docs/grpc.md calls " + fullName + ", which no service has"));
    }
}
