package dev.eskit.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.eskit.support.H2Test;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Every record of the commands module's api (commands, their results, events, refusals) survives
 * the application's message and event serializers, in each of its shapes: on Axon Server each of
 * them crosses the network that way. A new message that only works inside one JVM fails here.
 */
@H2Test
class ApiMessagesRoundTripTest {

    @Autowired
    @Qualifier("messageSerializer")
    private Serializer messages;
    @Autowired
    @Qualifier("eventSerializer")
    private Serializer events;

    static Stream<Class<?>> apiRecords() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.eskit.commands.api").stream()
                .map(JavaClass::reflect)
                .filter(Class::isRecord)
                .map(type -> (Class<?>) type);
    }

    @ParameterizedTest
    @MethodSource("apiRecords")
    void crossesBothSerializersUnchanged(Class<?> record) {
        for (Object message : MessageSamples.of(record)) {
            for (Serializer serializer : List.of(messages, events)) {
                SerializedObject<byte[]> serialized = serializer.serialize(message, byte[].class);
                assertThat((Object) serializer.deserialize(serialized)).as("%s through %s", message, serializer).isEqualTo(message);
            }
        }
    }

    @Test
    void messagesAndEventsShareTheSerializerThatResolvesTypesOnce() {
        assertThat(events).isSameAs(messages).isInstanceOf(LoadedTypesSerializer.class);
    }

    @Test
    void findsTheMessages() {
        assertThat(apiRecords()).extracting(Class::getSimpleName)
                .contains("AppendToStream", "AppendResult", "Rejection", "StreamEventAppended", "CreateEntity", "UserRegistered");
    }
}
