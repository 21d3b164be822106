package org.trainingsuite.catalog;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.trainingsuite.platform.test.TestClock;

/**
 * The one Spring context the catalog's API tests share (Spring caches it by these annotations and this
 * property source): a real port, because {@link ApiFuzzTest} calls over HTTP, MockMvc for the others, the
 * test clock, and training-pass-service's access check played by {@link StubTrainingPass}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestClock.class)
abstract class CatalogTestContext {

    @DynamicPropertySource
    static void trainingPass(DynamicPropertyRegistry registry) {
        registry.add("catalog.training-pass.url", StubTrainingPass::url);
    }
}
