package org.trainingsuite.notification;

import org.junit.jupiter.api.Test;
import org.trainingsuite.platform.messaging.EventType;
import org.trainingsuite.platform.test.EventContracts;

class NotificationEventTypesTest {

    @Test
    void everyEventTypeHasAValidSchemaAndEverySchemaAType() {
        EventContracts.assertSchemasMatch(NotificationEventTypes.ALL.stream().map(EventType::name).toList());
    }
}
