package org.trainingsuite.trainingpass;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.trainingsuite.platform.test.TestClock;

/**
 * The one Spring context the training-pass API tests share (Spring caches it by these annotations and this
 * property source): a real port, because {@link ApiFuzzTest} calls over HTTP, MockMvc for the others, the
 * "test" profile, the test clock, and catalog-service's item search played by {@link StubCatalog}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClock.class)
abstract class TrainingPassTestContext {

    @DynamicPropertySource
    static void catalog(DynamicPropertyRegistry registry) {
        registry.add("training-pass.catalog.url", StubCatalog::url);
    }
}
