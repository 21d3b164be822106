package org.trainingsuite.catalog;

import org.junit.jupiter.api.Test;
import org.trainingsuite.platform.messaging.EventType;
import org.trainingsuite.platform.test.EventContracts;

class CatalogEventTypesTest {

    @Test
    void everyEventTypeHasAValidSchemaAndEverySchemaAType() {
        EventContracts.assertSchemasMatch(CatalogEventTypes.ALL.stream().map(EventType::name).toList());
    }
}
