package org.trainingsuite.trainingpass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.trainingsuite.platform.test.ApiCalls;
import org.trainingsuite.platform.test.EventContracts;
import org.trainingsuite.platform.test.MutableClock;
import org.trainingsuite.platform.test.TestTokens;
import org.trainingsuite.platform.test.TopicReader;
import org.trainingsuite.trainingpass.pass.PassExpiryJob;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Training passes end to end on a real PostgreSQL and Kafka broker, directory facts fed by real events. */
class TrainingPassApiTest extends TrainingPassTestContext {

    /** Where the clock stands at the start of each test: 10 March 2026, 09:00 UTC. */
    static final Instant START = Instant.parse("2026-03-10T09:00:00Z");

    private static final String ADMIN = TestTokens.bearerAdmin("admin-1");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    PassExpiryJob expiryJob;

    DirectoryEvents directory;

    ApiCalls api;

    @BeforeEach
    void setUp() {
        api = new ApiCalls(mvc, json);
        clock.set(START);
        directory = new DirectoryEvents(jdbc);
    }

    /** A published pass type with an annual option (12 months, EUR price) and the given items. */
    record Published(String typeId, String optionId, String priceId) {
    }

    // --- pass types -----------------------------------------------------------------------------------

    @Test
    void aPassTypeIsPublishedOnlyWithAPublishedOptionAndAnOptionOnlyWithAPrice() throws Exception {
        String type = createType();
        api.as(ADMIN, post("/pass-types/" + type + "/publish"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("without a published option")));
        String option = addOption(type, "Annual", 12, "MONTHS");
        api.as(ADMIN, post("/pass-types/" + type + "/options/" + option + "/publish"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("without a price")));
        api.as(ADMIN, post("/pass-types/" + type + "/publish")).andExpect(status().isConflict());

        addPrice(type, option, "{\"region\": \"EU\", \"method\": \"CURRENCY\", \"currency\": \"eur\", \"amount\": 1200.50}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.currency").value("EUR"));
        api.as(ADMIN, post("/pass-types/" + type + "/options/" + option + "/publish")).andExpect(status().isOk());
        api.as(ADMIN, post("/pass-types/" + type + "/items"), """
                {"items": [{"itemId": "course-1", "itemType": "COURSE", "title": "Intro"},
                           {"itemId": "path-1", "itemType": "LEARNING_PATH", "title": "Path", "category": "Safety"}]}""")
                .andExpect(status().isOk());

        try (TopicReader types = TopicReader.of("training-pass.pass-types")) {
            api.as(ADMIN, post("/pass-types/" + type + "/publish"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));
            ConsumerRecord<String, String> published = types.awaitRecord(r -> type.equals(r.key())
                    && "training-pass.pass-type.published.v1".equals(EventContracts.header(r, "ce_type")), WAIT);
            EventContracts.assertValid(published);
            JsonNode payload = json.readTree(published.value());
            assertThat(payload.get("itemIds").toString()).contains("course-1", "path-1");
            assertThat(payload.get("options").get(0).get("prices").get(0).get("amount").decimalValue())
                    .isEqualByComparingTo("1200.50");
        }
        api.as(ADMIN, post("/pass-types/" + type + "/options/" + option + "/archive"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("last published option")));

        try (TopicReader types = TopicReader.of("training-pass.pass-types")) {
            addPrice(type, option, "{\"region\": \"US\", \"method\": \"CURRENCY\", \"currency\": \"USD\", \"amount\": 1300}")
                    .andExpect(status().isCreated());
            ConsumerRecord<String, String> updated = types.awaitRecord(r -> type.equals(r.key())
                    && "training-pass.pass-type.updated.v1".equals(EventContracts.header(r, "ce_type")), WAIT);
            EventContracts.assertValid(updated);
            assertThat(json.readTree(updated.value()).get("options").get(0).get("prices")).hasSize(2);
        }

        try (TopicReader types = TopicReader.of("training-pass.pass-types")) {
            api.as(ADMIN, post("/pass-types/" + type + "/archive"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ARCHIVED"));
            EventContracts.assertValid(types.awaitRecord(r -> type.equals(r.key())
                    && "training-pass.pass-type.archived.v1".equals(EventContracts.header(r, "ce_type")), WAIT));
        }
        api.as(ADMIN, post("/pass-types/" + type + "/options/" + option + "/archive")).andExpect(status().isOk());
    }

    @Test
    void impossiblePricesAreRefusedNamingTheField() throws Exception {
        String type = createType();
        String option = addOption(type, "Monthly", 1, "MONTHS");
        addPrice(type, option, "{\"region\": \"EU\", \"method\": \"TRAINING_TOKENS\", \"currency\": \"EUR\", \"amount\": 5}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("currency"));
        addPrice(type, option, "{\"region\": \"EU\", \"method\": \"CURRENCY\", \"amount\": 5}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("currency"));
        addPrice(type, option, "{\"region\": \"EU\", \"method\": \"CURRENCY\", \"currency\": \"XYZ\", \"amount\": 5}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("currency"));
        addPrice(type, option, "{\"region\": \"JP\", \"method\": \"CURRENCY\", \"currency\": \"JPY\", \"amount\": 5.5}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("amount"));
        addPrice(type, option, "{\"region\": \"EU\", \"method\": \"TRAINING_TOKENS\", \"amount\": 2.5}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("amount"));
        addPrice(type, option, "{\"region\": \"EU\", \"method\": \"CURRENCY\", \"currency\": \"EUR\", \"amount\": 0}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("amount"));
        addPrice(type, option, "{\"region\": \"EU\", \"method\": \"BARTER\", \"amount\": 1}")
                .andExpect(status().isBadRequest());
        addPrice(type, option, "{\"region\": \"EU\", \"method\": \"TRAINING_TOKENS\", \"amount\": 40}")
                .andExpect(status().isCreated());
        addPrice(type, option, "{\"region\": \"eu\", \"method\": \"TRAINING_TOKENS\", \"amount\": 45}")
                .andExpect(status().isConflict());
        api.as(ADMIN, post("/pass-types/" + type + "/options"), "{\"name\": \"Forever\", \"periodValue\": 0, \"periodUnit\": \"DAYS\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("periodValue"));
        api.as(ADMIN, post("/pass-types"), "{\"code\": \"has space\", \"name\": \"\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors", hasSize(2)));
    }

    @Test
    void includedItemsAreAddedAndRemovedInBulkAndSearchedAcrossPassTypes() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String first = createType();
        String second = createType();
        try (TopicReader types = TopicReader.of("training-pass.pass-types")) {
            api.as(ADMIN, post("/pass-types/" + first + "/items"), """
                    {"items": [{"itemId": "c-%1$s", "itemType": "COURSE", "title": "Fire safety %1$s", "category": "Safety"},
                               {"itemId": "e-%1$s", "itemType": "EVENT", "title": "First aid %1$s"},
                               {"itemId": "c-%1$s", "itemType": "COURSE", "title": "duplicate in one request"}]}""".formatted(tag))
                    .andExpect(jsonPath("$.changed", hasSize(2))).andExpect(jsonPath("$.itemCount").value(2));
            api.as(ADMIN, post("/pass-types/" + second + "/items"), """
                    {"items": [{"itemId": "c-%1$s", "itemType": "COURSE", "title": "Fire safety %1$s", "category": "Safety"}]}"""
                    .formatted(tag)).andExpect(jsonPath("$.itemCount").value(1));
            api.as(ADMIN, post("/pass-types/" + first + "/items/remove"), "{\"itemIds\": [\"e-%s\", \"unknown\"]}".formatted(tag))
                    .andExpect(jsonPath("$.changed[0]").value("e-" + tag)).andExpect(jsonPath("$.unchanged").value(1));

            List<ConsumerRecord<String, String>> changes = types.awaitMatching(
                    r -> first.equals(r.key()) || second.equals(r.key()), 3, WAIT);
            assertThat(changes).hasSize(3);
            changes.forEach(EventContracts::assertValid);
        }
        api.as(ADMIN, get("/included-items").param("q", "fire safety " + tag))
                .andExpect(jsonPath("$.totalItems").value(2));
        api.as(ADMIN, get("/included-items").param("q", tag).param("type", "EVENT")).andExpect(jsonPath("$.totalItems").value(0));
        api.as(ADMIN, get("/included-items").param("q", tag).param("category", "safety")).andExpect(jsonPath("$.totalItems").value(2));
        api.as(ADMIN, get("/included-items/pass-types").param("itemId", "c-" + tag))
                .andExpect(jsonPath("$['c-" + tag + "']", hasSize(2)));
        api.as(ADMIN, get("/pass-types/" + first + "/items")).andExpect(jsonPath("$.totalItems").value(1));
    }

    @Test
    void itemsToAddAreSearchedInTheCatalogAndMarkedWhenAPassIncludesThemAlready() throws Exception {
        String item = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        Published type = publishedType(item);
        String draft = createType();
        StubCatalog.DOWN.set(false);
        StubCatalog.PAGE.set("""
                {"items": [{"id": "%s", "type": "COURSE", "delivery": "ONLINE", "title": "Included", "category": "Safety",
                            "credits": 1, "status": "PUBLISHED", "passBadge": null, "passTypeIds": null},
                           {"id": "%s", "type": "EVENT", "delivery": "CLASSROOM", "title": "Not yet", "category": null,
                            "credits": 0, "status": "PUBLISHED", "passBadge": null, "passTypeIds": null}],
                 "page": 0, "size": 20, "totalItems": 2, "totalPages": 1}""".formatted(item, other));

        api.as(ADMIN, get("/pass-types/" + draft + "/catalog-search").param("q", "safety").param("type", "COURSE")
                        .param("inAnotherPass", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[0].includedHere").value(false))
                .andExpect(jsonPath("$.items[0].passTypeIds[0]").value(type.typeId()))
                .andExpect(jsonPath("$.items[1].passTypeIds", hasSize(0)));
        assertThat(StubCatalog.LAST_QUERY.get()).contains("q=safety", "type=COURSE", "inAnotherPass=true",
                "exceptPassTypeId=" + draft);
        assertThat(StubCatalog.LAST_AUTHORIZATION.get()).isEqualTo(ADMIN);
        api.as(ADMIN, get("/pass-types/" + type.typeId() + "/catalog-search"))
                .andExpect(jsonPath("$.items[0].includedHere").value(true));

        StubCatalog.DOWN.set(true);
        api.as(ADMIN, get("/pass-types/" + draft + "/catalog-search").param("q", "safety"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail", containsString("catalog-service")));
        api.as(ADMIN, get("/pass-types/" + type.typeId() + "/items")).andExpect(status().isOk());
        StubCatalog.DOWN.set(false);
    }

    @Test
    void searchTextIsSentEncodedAndNeverReadAsATemplateNorOpensTheBreaker() throws Exception {
        String draft = createType();
        StubCatalog.DOWN.set(false);
        StubCatalog.PAGE.set("{\"items\": [], \"page\": 0, \"size\": 20, \"totalItems\": 0, \"totalPages\": 0}");
        // more than the breaker's window: had these counted as failures, the breaker would be open after them
        for (int i = 0; i < 25; i++) {
            api.as(ADMIN, get("/pass-types/" + draft + "/catalog-search").param("q", "{x}").param("category", "a&b=c"))
                    .andExpect(status().isOk());
        }
        assertThat(StubCatalog.LAST_QUERY.get()).contains("q=%7Bx%7D", "category=a%26b%3Dc");
        api.as(ADMIN, get("/pass-types/" + draft + "/catalog-search").param("q", "safety")).andExpect(status().isOk());
    }

    @Test
    void wrongTypedNumbersAreRefusedNamingTheFieldNotCutToAWholeNumber() throws Exception {
        String type = createType();
        for (String periodValue : new String[] {"1e20", "1.5", "2147483648", "\"one\""}) {
            api.as(ADMIN, post("/pass-types/" + type + "/options"), """
                    {"name": "Odd", "periodValue": %s, "periodUnit": "DAYS"}""".formatted(periodValue))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("periodValue"));
        }
        Published published = publishedType("course-q");
        UUID account = directory.account("Numbers");
        api.as(ADMIN, post("/orders"), """
                {"accountId": "%s", "passTypeId": "%s", "optionId": "%s", "priceId": "%s", "quantity": 2147483648,
                 "taxLevel": "STANDARD"}""".formatted(account, published.typeId(), published.optionId(), published.priceId()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("quantity"));
        api.as(ADMIN, post("/pass-types/" + type + "/options"), "{\"name\": \"Nul\\u0000\", \"periodValue\": 1, \"periodUnit\": \"DAYS\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    // --- passes ---------------------------------------------------------------------------------------

    @Test
    void expiryCountsFromTheDayThePassWasAddedToTheAccountNotFromTheContactAssignment() throws Exception {
        Published type = publishedType("course-x");
        UUID account = directory.account("Acme");
        String contact = directory.person("Carla", account);

        JsonNode pass = api.body(issue(type, account, null, null).andExpect(status().isCreated()));
        assertThat(pass.get("expiresOn").asString()).isEqualTo("2027-03-10");
        assertThat(pass.get("issuedOn").asString()).isEqualTo("2026-03-10");

        clock.advance(Duration.ofDays(60));
        api.as(ADMIN, post("/passes/" + pass.get("id").asString() + "/reassign"), "{\"contactId\": \"" + contact + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contactId").value(contact))
                .andExpect(jsonPath("$.expiresOn").value("2027-03-10"));

        issue(type, account, contact, "2026-12-31").andExpect(status().isCreated())
                .andExpect(jsonPath("$.expiresOn").value("2026-12-31"));
        issue(type, account, contact, "2026-01-01").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expiresOn"));
    }

    @Test
    void aPassIsIssuedOnlyForAPublishedTypeAndToAContactOfItsAccount() throws Exception {
        Published type = publishedType("course-y");
        UUID account = directory.account("Acme");
        UUID otherAccount = directory.account("Other");
        String outsider = directory.person("Olga", otherAccount);
        issue(type, account, outsider, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("contactId"));
        issue(type, UUID.randomUUID(), null, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("accountId"));
        String draft = createType();
        String draftOption = addOption(draft, "Annual", 12, "MONTHS");
        api.as(ADMIN, post("/passes"), """
                {"passTypeId": "%s", "optionId": "%s", "accountId": "%s"}""".formatted(draft, draftOption, account))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("only published")));
    }

    @Test
    void renewExtendCancelAndReassignFollowTheRulesAndLeaveAHistory() throws Exception {
        Published type = publishedType("course-z");
        UUID account = directory.account("Acme");
        String ann = directory.person("Ann", account);
        String bob = directory.person("Bob", account);
        String outsider = directory.person("Olga", directory.account("Other"));
        String pass = api.body(issue(type, account, ann, null)).get("id").asString();

        try (TopicReader passes = TopicReader.of("training-pass.passes")) {
            api.as(ADMIN, post("/passes/" + pass + "/extend"), "{\"expiresOn\": \"2027-06-30\"}")
                    .andExpect(status().isOk()).andExpect(jsonPath("$.expiresOn").value("2027-06-30"));
            api.as(ADMIN, post("/passes/" + pass + "/renew"), "{\"optionId\": \"" + type.optionId() + "\"}")
                    .andExpect(status().isOk()).andExpect(jsonPath("$.expiresOn").value("2028-06-30"));
            api.as(ADMIN, post("/passes/" + pass + "/renew"), "{\"optionId\": \"" + type.optionId() + "\", \"expiresOn\": \"2030-01-01\"}")
                    .andExpect(status().isBadRequest());
            api.as(ADMIN, post("/passes/" + pass + "/reassign"), "{\"contactId\": \"" + outsider + "\"}")
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("contactId"));
            api.as(ADMIN, post("/passes/" + pass + "/reassign"), "{\"contactId\": \"" + bob + "\"}")
                    .andExpect(status().isOk()).andExpect(jsonPath("$.contactId").value(bob));
            api.as(ADMIN, post("/passes/" + pass + "/cancel"), "{\"reason\": \"left the company\"}")
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("confirm"));
            api.as(ADMIN, post("/passes/" + pass + "/cancel"), "{\"reason\": \"left the company\", \"confirm\": true}")
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
            api.as(ADMIN, post("/passes/" + pass + "/cancel"), "{\"confirm\": true}").andExpect(status().isOk());
            api.as(ADMIN, post("/passes/" + pass + "/renew"), "{\"expiresOn\": \"2030-01-01\"}")
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("never be made valid again")));
            api.as(ADMIN, post("/passes/" + pass + "/extend"), "{\"expiresOn\": \"2030-01-01\"}").andExpect(status().isConflict());
            api.as(ADMIN, post("/passes/" + pass + "/reassign"), "{\"contactId\": \"" + ann + "\"}").andExpect(status().isConflict());

            passes.awaitRecord(r -> pass.equals(r.key())
                    && "training-pass.pass.cancelled.v1".equals(EventContracts.header(r, "ce_type")), WAIT);
            List<ConsumerRecord<String, String>> events = passes.drain(Duration.ofMillis(500)).stream()
                    .filter(r -> pass.equals(r.key()))
                    .filter(r -> !"training-pass.pass.issued.v1".equals(EventContracts.header(r, "ce_type"))).toList();
            events.forEach(EventContracts::assertValid);
            assertThat(events).extracting(r -> EventContracts.header(r, "ce_type")).containsExactly(
                    "training-pass.pass.extended.v1", "training-pass.pass.renewed.v1",
                    "training-pass.pass.reassigned.v1", "training-pass.pass.cancelled.v1");
            JsonNode extended = json.readTree(events.getFirst().value());
            assertThat(extended.get("previousExpiresOn").asString()).isEqualTo("2027-03-10");
        }
        api.as(ADMIN, get("/passes/" + pass + "/history"))
                .andExpect(jsonPath("$", hasSize(5)))
                .andExpect(jsonPath("$[0].action").value("ISSUED"))
                .andExpect(jsonPath("$[1].action").value("EXTENDED"))
                .andExpect(jsonPath("$[2].action").value("RENEWED"))
                .andExpect(jsonPath("$[3].action").value("REASSIGNED"))
                .andExpect(jsonPath("$[3].previousContactId").value(ann))
                .andExpect(jsonPath("$[4].action").value("CANCELLED"))
                .andExpect(jsonPath("$[4].actor").value("admin-1"));
    }

    @Test
    void anExtensionAloneEmitsNoRenewedEvent() throws Exception {
        Published type = publishedType("course-e");
        UUID account = directory.account("Acme");
        String pass = api.body(issue(type, account, null, null)).get("id").asString();
        try (TopicReader passes = TopicReader.of("training-pass.passes")) {
            api.as(ADMIN, post("/passes/" + pass + "/extend"), "{\"expiresOn\": \"2027-04-30\"}").andExpect(status().isOk());
            api.as(ADMIN, post("/passes/" + pass + "/extend"), "{\"expiresOn\": \"2027-04-30\"}").andExpect(status().isOk());
            api.as(ADMIN, post("/passes/" + pass + "/cancel"), "{\"confirm\": true}").andExpect(status().isOk());
            passes.awaitRecord(r -> pass.equals(r.key())
                    && "training-pass.pass.cancelled.v1".equals(EventContracts.header(r, "ce_type")), WAIT);
            List<ConsumerRecord<String, String>> events = passes.drain(Duration.ofMillis(500)).stream()
                    .filter(r -> pass.equals(r.key())).toList();
            events.forEach(EventContracts::assertValid);
            assertThat(events.stream().map(r -> EventContracts.header(r, "ce_type")))
                    .containsExactly("training-pass.pass.issued.v1", "training-pass.pass.extended.v1",
                            "training-pass.pass.cancelled.v1");
        }
    }

    @Test
    void anOrderIssuesItsPassesOnceEvenWhenAcceptedTwiceAtTheSameTime() throws Exception {
        Published type = publishedType("course-o");
        UUID account = directory.account("Buyer");
        String order = api.body(api.as(ADMIN, post("/orders"), """
                {"accountId": "%s", "passTypeId": "%s", "optionId": "%s", "priceId": "%s", "quantity": 3,
                 "taxLevel": "STANDARD", "opportunityRef": "OPP-%s", "interestRef": "INT-1"}"""
                .formatted(account, type.typeId(), type.optionId(), type.priceId(), UUID.randomUUID()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("OPEN"))).get("id").asString();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> accept = () -> api.body(api.as(ADMIN, post("/orders/" + order + "/accept"))
                    .andExpect(status().isOk())).get("issuedNow").asInt();
            List<Future<Integer>> results = pool.invokeAll(List.of(accept, accept));
            assertThat(results.get(0).get() + results.get(1).get()).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        api.as(ADMIN, post("/orders/" + order + "/accept"))
                .andExpect(jsonPath("$.issuedNow").value(0)).andExpect(jsonPath("$.passIds", hasSize(3)));
        api.as(ADMIN, get("/passes").param("accountId", account.toString()))
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.items[0].orderId").value(order))
                .andExpect(jsonPath("$.items[0].interestRef").value("INT-1"));
        api.as(ADMIN, post("/orders"), """
                {"accountId": "%s", "passTypeId": "%s", "optionId": "%s", "priceId": "%s", "quantity": 0, "taxLevel": "X"}"""
                .formatted(account, type.typeId(), type.optionId(), UUID.randomUUID()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("quantity"));
        api.as(ADMIN, post("/orders"), """
                {"accountId": "%s", "passTypeId": "%s", "optionId": "%s", "priceId": "%s", "quantity": 1, "taxLevel": "X"}"""
                .formatted(account, type.typeId(), type.optionId(), UUID.randomUUID()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("priceId"));
    }

    @Test
    void aLearnerSeesTheirOwnPassesAndNothingOfAnyoneElses() throws Exception {
        Published type = publishedType("course-l");
        UUID account = directory.account("Acme");
        String mine = directory.person("Mia", account);
        String theirs = directory.person("Theo", account);
        String myPass = api.body(issue(type, account, mine, null)).get("id").asString();
        String theirPass = api.body(issue(type, account, theirs, null)).get("id").asString();
        String me = TestTokens.bearerLearner(mine);

        api.as(me, get("/me/passes"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].id").value(myPass))
                .andExpect(jsonPath("$.items[0].status").value("ACTIVE"))
                .andExpect(jsonPath("$.items[0].expiresOn").value("2027-03-10"));
        api.as(me, get("/me/passes/" + theirPass)).andExpect(status().isNotFound()).andExpect(jsonPath("$.contactId").doesNotExist());
        api.as(me, get("/passes/" + theirPass)).andExpect(status().isForbidden()).andExpect(jsonPath("$.contactId").doesNotExist());
        api.as(me, get("/passes").param("contactId", theirs)).andExpect(status().isForbidden());
        api.as(me, post("/passes/" + theirPass + "/cancel"), "{\"confirm\": true}").andExpect(status().isForbidden());
        api.as(me, get("/access").param("personId", theirs).param("itemId", "course-l")).andExpect(status().isForbidden());
    }

    @Test
    void theAccessCheckNamesTheActivePassThatIncludesTheItem() throws Exception {
        String item = "course-a-" + UUID.randomUUID().toString().substring(0, 6);
        Published type = publishedType(item);
        UUID account = directory.account("Acme");
        String holder = directory.person("Hana", account);
        String pass = api.body(issue(type, account, holder, null)).get("id").asString();

        api.as(ADMIN, get("/access").param("personId", holder).param("itemId", item))
                .andExpect(jsonPath("$.granted").value(true)).andExpect(jsonPath("$.passId").value(pass));
        api.as(TestTokens.bearerLearner(holder), get("/me/access").param("itemId", item))
                .andExpect(jsonPath("$.granted").value(true));
        api.as(ADMIN, get("/access").param("personId", holder).param("itemId", "not-included"))
                .andExpect(jsonPath("$.granted").value(false));
        api.as(TestTokens.mint("catalog-service", "SERVICE").transform(t -> "Bearer " + t), get("/access")
                .param("personId", holder).param("itemId", item)).andExpect(jsonPath("$.granted").value(true));

        clock.advance(Duration.ofDays(366));
        api.as(ADMIN, get("/access").param("personId", holder).param("itemId", item)).andExpect(jsonPath("$.granted").value(false));
        clock.set(START);
        api.as(ADMIN, post("/passes/" + pass + "/cancel"), "{\"confirm\": true}").andExpect(status().isOk());
        api.as(ADMIN, get("/access").param("personId", holder).param("itemId", item)).andExpect(jsonPath("$.granted").value(false));
    }

    @Test
    void passesOfAnAccountAreFilteredByStatusTypeContactAndActiveBetweenDates() throws Exception {
        Published annual = publishedType("course-f");
        Published other = publishedType("course-g");
        UUID account = directory.account("Filters");
        String ann = directory.person("Ann", account);
        String early = api.body(issue(annual, account, ann, "2026-06-30")).get("id").asString();
        String late = api.body(issue(other, account, null, null)).get("id").asString();
        String cancelled = api.body(issue(annual, account, null, null)).get("id").asString();
        api.as(ADMIN, post("/passes/" + cancelled + "/cancel"), "{\"confirm\": true}").andExpect(status().isOk());

        api.as(ADMIN, get("/passes").param("accountId", account.toString())).andExpect(jsonPath("$.totalItems").value(3));
        api.as(ADMIN, get("/passes").param("accountId", account.toString()).param("status", "CANCELLED"))
                .andExpect(jsonPath("$.totalItems").value(1)).andExpect(jsonPath("$.items[0].id").value(cancelled));
        api.as(ADMIN, get("/passes").param("accountId", account.toString()).param("passTypeId", other.typeId()))
                .andExpect(jsonPath("$.items[0].id").value(late));
        api.as(ADMIN, get("/passes").param("accountId", account.toString()).param("contactId", ann))
                .andExpect(jsonPath("$.items[0].id").value(early));
        api.as(ADMIN, get("/passes").param("accountId", account.toString())
                .param("activeFrom", "2026-08-01").param("activeTo", "2026-09-01").param("status", "ACTIVE"))
                .andExpect(jsonPath("$.totalItems").value(1)).andExpect(jsonPath("$.items[0].id").value(late));
        clock.advance(Duration.ofDays(120));
        api.as(ADMIN, get("/passes").param("accountId", account.toString()).param("status", "EXPIRED"))
                .andExpect(jsonPath("$.totalItems").value(1)).andExpect(jsonPath("$.items[0].id").value(early));
        api.as(ADMIN, get("/passes").param("activeFrom", "2026-09-01").param("activeTo", "2026-08-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("activeTo"));
    }

    @Test
    void passesPastTheirExpiryAreExpiredOnceInBatchesEvenWithTwoJobsRunning() throws Exception {
        Published type = publishedType("course-x2");
        UUID account = directory.account("Expiring");
        // no other test issues a pass that ends before April 2026, so only these are due on 2 April
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(api.body(issue(type, account, null, i < 17 ? "2026-04-01" : "2026-05-01")).get("id").asString());
        }
        try (TopicReader passes = TopicReader.of("training-pass.passes")) {
            clock.set(java.time.Instant.parse("2026-04-02T00:00:01Z"));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Callable<Integer> run = expiryJob::expireDuePasses;
                List<Future<Integer>> runs = pool.invokeAll(List.of(run, run));
                int expired = runs.get(0).get() + runs.get(1).get() + expiryJob.expireDuePasses();
                assertThat(expired).as("ours, and any other test's pass already due").isGreaterThanOrEqualTo(17);
            } finally {
                pool.shutdownNow();
            }
            assertThat(expiryJob.expireDuePasses()).isZero();

            java.util.function.Predicate<ConsumerRecord<String, String>> expiredType =
                    r -> "training-pass.pass.expired.v1".equals(EventContracts.header(r, "ce_type")) && ids.contains(r.key());
            org.awaitility.Awaitility.await().atMost(WAIT).until(
                    () -> passes.drain(Duration.ofMillis(100)).stream().filter(expiredType).count() >= 17);
            List<ConsumerRecord<String, String>> expiredEvents = passes.drain(Duration.ofMillis(500)).stream()
                    .filter(expiredType).toList();
            assertThat(expiredEvents).hasSize(17);
            assertThat(expiredEvents).extracting(ConsumerRecord::key).doesNotHaveDuplicates()
                    .allMatch(key -> ids.subList(0, 17).contains(key));
            expiredEvents.forEach(EventContracts::assertValid);
        }
        api.as(ADMIN, get("/passes/" + ids.get(0) + "/history")).andExpect(jsonPath("$[1].action").value("EXPIRED"));
        api.as(ADMIN, get("/passes/" + ids.get(19))).andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    // --- helpers --------------------------------------------------------------------------------------

    private String createType() throws Exception {
        String code = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return api.body(api.as(ADMIN, post("/pass-types"), """
                {"code": "%s", "name": "Pass %s", "description": "All courses"}""".formatted(code, code))
                .andExpect(status().isCreated())).get("id").asString();
    }

    private String addOption(String type, String name, int value, String unit) throws Exception {
        return api.body(api.as(ADMIN, post("/pass-types/" + type + "/options"), """
                {"name": "%s", "periodValue": %d, "periodUnit": "%s"}""".formatted(name, value, unit))
                .andExpect(status().isCreated())).get("optionId").asString();
    }

    private ResultActions addPrice(String type, String option, String body) throws Exception {
        return api.as(ADMIN, post("/pass-types/" + type + "/options/" + option + "/prices"), body);
    }

    private Published publishedType(String... itemIds) throws Exception {
        String type = createType();
        String option = addOption(type, "Annual", 12, "MONTHS");
        String price = api.body(addPrice(type, option, "{\"region\": \"EU\", \"method\": \"CURRENCY\", \"currency\": \"EUR\", \"amount\": 990}")
                .andExpect(status().isCreated())).get("priceId").asString();
        api.as(ADMIN, post("/pass-types/" + type + "/options/" + option + "/publish")).andExpect(status().isOk());
        StringBuilder items = new StringBuilder();
        for (String item : itemIds) {
            items.append(items.isEmpty() ? "" : ",").append("{\"itemId\": \"%s\", \"itemType\": \"COURSE\", \"title\": \"%s\"}"
                    .formatted(item, item));
        }
        api.as(ADMIN, post("/pass-types/" + type + "/items"), "{\"items\": [" + items + "]}").andExpect(status().isOk());
        api.as(ADMIN, post("/pass-types/" + type + "/publish")).andExpect(status().isOk());
        return new Published(type, option, price);
    }

    private ResultActions issue(Published type, UUID account, String contact, String expiresOn) throws Exception {
        return api.as(ADMIN, post("/passes"), """
                {"passTypeId": "%s", "optionId": "%s", "accountId": "%s", "contactId": %s, "expiresOn": %s}"""
                .formatted(type.typeId(), type.optionId(), account, contact == null ? "null" : "\"" + contact + "\"",
                        expiresOn == null ? "null" : "\"" + expiresOn + "\""));
    }



}
