package org.trainingsuite.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.trainingsuite.platform.messaging.EventType;
import org.trainingsuite.platform.test.EventContracts;

class CatalogEventTypesTest {

    @Test
    void everyEventTypeHasAValidSchemaAndEverySchemaAType() throws IOException {
        List<String> types = CatalogEventTypes.ALL.stream().map(EventType::name).toList();
        assertThat(types).doesNotHaveDuplicates().allMatch(t -> t.startsWith("catalog."));
        EventContracts.assertSchemasExist(types);
        Resource[] schemas = new PathMatchingResourcePatternResolver().getResources("classpath:events/*.schema.json");
        assertThat(Arrays.stream(schemas).map(r -> r.getFilename().replace(".schema.json", "")))
                .containsExactlyInAnyOrderElementsOf(types);
    }
}
