package org.trainingsuite.trainingpass;

import org.junit.jupiter.api.Test;
import org.trainingsuite.platform.messaging.EventType;
import org.trainingsuite.platform.test.EventContracts;

class TrainingPassEventTypesTest {

    @Test
    void everyEventTypeHasAValidSchemaAndEverySchemaAType() {
        EventContracts.assertSchemasMatch(TrainingPassEventTypes.ALL.stream().map(EventType::name).toList());
    }
}
