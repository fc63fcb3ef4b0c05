package dev.eskit.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.commands.api.entity.EntityCommands.CreateEntity;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

class LoadedTypesSerializerTest {

    private final LoadedTypesSerializer serializer = new LoadedTypesSerializer(Jackson3Serializer.builder());

    @Test
    void resolvesAStoredTypeNameToItsClassEveryTime() {
        SimpleSerializedType stored = new SimpleSerializedType(CreateEntity.class.getName(), null);

        assertThat(serializer.classForType(stored)).isEqualTo(CreateEntity.class);
        assertThat(serializer.classForType(stored)).isEqualTo(CreateEntity.class);
        assertThat(serializer.classForType(SimpleSerializedType.emptyType())).isEqualTo(Void.class);
    }

    @Test
    void leavesANameThatNamesNoClassUnknown() {
        SimpleSerializedType gone = new SimpleSerializedType("dev.eskit.commands.api.RemovedLongAgo", null);

        assertThat(serializer.classForType(gone)).isEqualTo(UnknownSerializedType.class);
        assertThat(serializer.classForType(gone)).isEqualTo(UnknownSerializedType.class);
    }
}
