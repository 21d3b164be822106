package org.trainingsuite.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Assertions that published events honour their JSON Schemas.
 *
 * <p>A service keeps one schema per event type at {@code classpath:events/<ce_type>.schema.json}
 * (e.g. {@code events/directory.person.created.v1.schema.json}). Validation uses a real JSON Schema
 * validator (networknt, draft 2020-12), so a payload that drops a required field or changes a type
 * fails the test that emitted it.
 */
public final class EventContracts {

    /** Where schemas live on the classpath. */
    public static final String SCHEMA_FOLDER = "events/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** {@code format} (uuid, date, date-time, email) is checked too, not only noted as draft 2020-12 would. */
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final Map<String, JsonSchema> PRODUCER_SCHEMAS = new ConcurrentHashMap<>();

    private EventContracts() {
    }

    /** The classpath location of the schema of {@code ceType}. */
    public static String schemaLocation(String ceType) {
        return SCHEMA_FOLDER + ceType + ".schema.json";
    }

    /** Fails unless {@code json} is valid against the schema of {@code ceType}. */
    public static void assertValid(String ceType, String json) {
        JsonNode payload;
        try {
            payload = JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("payload of " + ceType + " is not JSON: " + json, e);
        }
        Set<ValidationMessage> errors = schema(ceType).validate(payload);
        if (!errors.isEmpty()) {
            fail("event %s does not match its schema %s: %s%npayload: %s", ceType, schemaLocation(ceType),
                    errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; ")), json);
        }
    }

    /**
     * Fails unless the record carries the CloudEvents headers and its value is valid against the schema
     * named by its {@code ce_type} header.
     */
    public static void assertValid(ConsumerRecord<String, String> record) {
        for (String header : new String[] {"ce_id", "ce_type", "ce_source", "ce_specversion", "ce_time", "ce_subject"}) {
            assertThat(header(record, header)).as("header %s of record %s", header, record).isNotBlank();
        }
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_subject")).as("ce_subject is the record key").isEqualTo(record.key());
        assertValid(header(record, "ce_type"), record.value());
    }

    /** Fails unless every type in {@code ceTypes} has a schema on the classpath. */
    public static void assertSchemasExist(Collection<String> ceTypes) {
        for (String type : ceTypes) {
            assertThat(EventContracts.class.getClassLoader().getResource(schemaLocation(type)))
                    .as("JSON Schema for event type %s at classpath:%s", type, schemaLocation(type))
                    .isNotNull();
            schema(type);
        }
    }

    /**
     * Fails unless the service's event types and its schemas match one to one: every type has a valid
     * schema, and every schema under {@code events/} names a type (none left behind after a removal).
     */
    public static void assertSchemasMatch(Collection<String> ceTypes) {
        assertThat(ceTypes).as("event types").doesNotHaveDuplicates();
        assertSchemasExist(ceTypes);
        try {
            org.springframework.core.io.Resource[] schemas = new org.springframework.core.io.support
                    .PathMatchingResourcePatternResolver().getResources("classpath:" + SCHEMA_FOLDER + "*.schema.json");
            assertThat(java.util.Arrays.stream(schemas).map(r -> r.getFilename().replace(".schema.json", "")))
                    .as("every schema names an event type").containsExactlyInAnyOrderElementsOf(ceTypes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails unless {@code json} is valid against the schema the producing service declares for {@code ceType}
     * ({@code <producer>-service/src/main/resources/events/<ce_type>.schema.json} in this repository, where
     * the producer is the type's first segment). A test that plays an upstream service with hand-written
     * events is so held to that service's real contract: a field renamed or dropped upstream fails the
     * downstream test. Types whose producer is not a service of this repository are not checked.
     */
    public static void assertMatchesProducer(String ceType, String json) {
        Path module = suiteRoot().map(root -> root.resolve(ceType.substring(0, Math.max(0, ceType.indexOf('.'))) + "-service"))
                .filter(Files::isDirectory).orElse(null);
        if (module == null) {
            return;
        }
        Path file = module.resolve("src/main/resources/" + schemaLocation(ceType));
        if (!Files.isRegularFile(file)) {
            fail("%s declares no event type %s (no %s)", module.getFileName(), ceType, file);
        }
        JsonSchema schema = PRODUCER_SCHEMAS.computeIfAbsent(ceType, type -> {
            try (InputStream in = Files.newInputStream(file)) {
                return FACTORY.getSchema(in, CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        JsonNode payload;
        try {
            payload = JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("payload of " + ceType + " is not JSON: " + json, e);
        }
        Set<ValidationMessage> errors = schema.validate(payload);
        if (!errors.isEmpty()) {
            fail("a test's %s event does not match what %s declares (%s): %s%npayload: %s", ceType, module.getFileName(), file,
                    errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; ")), json);
        }
    }

    /** The repository root: the nearest folder up from here holding {@code platform/platform-test}. */
    private static Optional<Path> suiteRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("platform/platform-test"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /** The value of a header as UTF-8 text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonSchema schema(String ceType) {
        return SCHEMAS.computeIfAbsent(ceType, type -> {
            try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(schemaLocation(type))) {
                if (in == null) {
                    throw new AssertionError("no JSON Schema for event type " + type + " at classpath:" + schemaLocation(type));
                }
                return FACTORY.getSchema(in, CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
