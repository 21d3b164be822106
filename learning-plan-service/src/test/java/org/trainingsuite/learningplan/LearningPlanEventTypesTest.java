package org.trainingsuite.learningplan;

import org.junit.jupiter.api.Test;
import org.trainingsuite.platform.messaging.EventType;
import org.trainingsuite.platform.test.EventContracts;

class LearningPlanEventTypesTest {

    @Test
    void everyEventTypeHasAValidSchemaAndEverySchemaAType() {
        EventContracts.assertSchemasMatch(LearningPlanEventTypes.ALL.stream().map(EventType::name).toList());
    }
}
