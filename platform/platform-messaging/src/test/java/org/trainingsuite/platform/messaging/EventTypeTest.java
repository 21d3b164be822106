package org.trainingsuite.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventTypeTest {

    @Test
    void aWellFormedTypeNamesItsTopicAndDeadLetterTopic() {
        EventType type = EventType.of("training-pass.pass.renewed.v1", "training-pass.passes");
        assertThat(type.deadLetterTopic()).isEqualTo("training-pass.passes.dlq");
    }

    @Test
    void javaClassNamesAndMissingVersionsAreRefused() {
        assertThatThrownBy(() -> EventType.of("PassRenewed", "training-pass.passes"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventType.of("training-pass.pass.renewed", "training-pass.passes"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventType.of("training-pass.pass.renewed.v0", "training-pass.passes"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTypeMustBePublishedOnItsOwnServicesTopic() {
        assertThatThrownBy(() -> EventType.of("directory.person.created.v1", "training-pass.passes"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
