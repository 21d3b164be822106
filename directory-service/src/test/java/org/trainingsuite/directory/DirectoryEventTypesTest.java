package org.trainingsuite.directory;

import org.junit.jupiter.api.Test;
import org.trainingsuite.platform.messaging.EventType;
import org.trainingsuite.platform.test.EventContracts;

class DirectoryEventTypesTest {

    @Test
    void everyEventTypeHasAValidSchemaAndEverySchemaAType() {
        EventContracts.assertSchemasMatch(DirectoryEventTypes.ALL.stream().map(EventType::name).toList());
    }
}
