package org.trainingsuite.trainingpass.passtype;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;
import org.trainingsuite.trainingpass.passtype.PassTypeEvents.OptionView;

@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Pass types", description = "Pass types (what learners see, what admins call them), their options (periods "
        + "of access) and prices, and the catalog items each includes. A pass type is drafted, published once it has a "
        + "published option, and archived to stop new passes; every change to one is made one at a time.")
class PassTypeController {

    private static final Set<String> SORTABLE = Set.of("name", "code", "createdAt");

    private final PassTypeService passTypes;
    private final CatalogClient catalog;

    PassTypeController(PassTypeService passTypes, CatalogClient catalog) {
        this.passTypes = passTypes;
        this.catalog = catalog;
    }

    /**
     * A catalog program found to add to a pass type: whether this pass type includes it already, and which
     * pass types include it (from this service's own records).
     */
    record Candidate(UUID itemId, String itemType, String title, String category, boolean includedHere,
                     List<UUID> passTypeIds) {
    }

    record PassTypeRequest(
            @Schema(description = "What admins call the pass type: 1 to 20 letters, digits, _ or -, unique ignoring "
                    + "case",
                    example = "ANNUAL-ALL")
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,20}", message = "must be 1 to 20 letters, digits, _ or -") String code,
            @Schema(description = "What learners see", example = "All-access annual pass")
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "Optional; what the pass gives, for learners",
                    example = "Every course, event and learning path in the catalog for a year.")
            @Size(max = 4000) String description) {
    }

    record DescribePassTypeRequest(
            @Schema(description = "What admins call the pass type: 1 to 20 letters, digits, _ or -, unique ignoring "
                    + "case",
                    example = "ANNUAL-ALL")
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,20}", message = "must be 1 to 20 letters, digits, _ or -") String code,
            @Schema(description = "What learners see", example = "All-access annual pass")
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "Optional; what the pass gives, for learners",
                    example = "Every course, event and learning path in the catalog for a year.")
            @Size(max = 4000) String description,
            @Schema(description = "The version of the pass type last read; a pass type changed since is refused (409)",
                    example = "0")
            @NotNull Long version) {
    }

    record OptionRequest(
            @Schema(description = "What the option is called", example = "Annual")
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "Length of the period of access: 1 to 3660 days or 1 to 120 months", example = "12")
            @NotNull Integer periodValue,
            @Schema(description = "Unit of the period; months follow the calendar (31 January + 1 month = 28 February)",
                    example = "MONTHS")
            @NotNull Period.Unit periodUnit) {
    }

    record PriceRequest(
            @Schema(description = "The region the price applies to; one price per region, method and currency in an "
                    + "option",
                    example = "EU")
            @NotBlank @Size(max = 50) String region,
            @Schema(description = "Paid in a currency or in the organisation's training tokens", example = "CURRENCY")
            @NotNull PricingMethod method,
            @Schema(description = "ISO 4217 code, required for a CURRENCY price and empty for a TRAINING_TOKENS one",
                    example = "EUR")
            @Size(max = 3) String currency,
            @Schema(description = "Greater than 0, exact: at most the currency's minor units (2 decimals for EUR, 0 "
                    + "for JPY), a whole number of training tokens", example = "1200.50")
            @NotNull @Digits(integer = 15, fraction = 4) BigDecimal amount) {
    }

    record ItemRequest(
            @Schema(description = "The catalog item's id", example = "3f2b6c1e-8a4d-4c1b-9e7a-2d5f6a7b8c9d")
            @NotBlank @Size(max = 64) String itemId,
            @Schema(description = "The kind of catalog item", example = "COURSE")
            @NotNull ItemType itemType,
            @Schema(description = "The item's title, stored as given", example = "First aid at work")
            @NotBlank @Size(max = 300) String title,
            @Schema(description = "Optional; the item's catalog category, stored as given",
                    example = "Health and safety")
            @Size(max = 100) String category) {
    }

    /** At most 1000 items per request: each change is one event, and an event stays well under Kafka's limit. */
    record AddItemsRequest(
            @Schema(description = "The catalog items to include, 1 to 1000; an id listed twice counts once")
            @NotEmpty @Size(max = 1000) List<@Valid @NotNull ItemRequest> items) {
    }

    record RemoveItemsRequest(
            @Schema(description = "The catalog item ids to remove, 1 to 1000",
                    example = "[\"3f2b6c1e-8a4d-4c1b-9e7a-2d5f6a7b8c9d\"]")
            @NotEmpty @Size(max = 1000) List<@NotBlank String> itemIds) {
    }

    record PassTypeResponse(UUID id, String code, String name, String description, PublicationStatus status,
                            List<OptionView> options, long version, Instant createdAt, Instant updatedAt) {

        static PassTypeResponse of(PassType t) {
            return new PassTypeResponse(t.getId(), t.getCode(), t.getName(), t.getDescription(), t.getStatus(),
                    t.getOptions().stream().map(OptionView::of).toList(), t.getVersion(), t.getCreatedAt(), t.getUpdatedAt());
        }
    }

    record ItemResponse(String itemId, ItemType itemType, String title, String category, UUID passTypeId, Instant addedAt) {

        static ItemResponse of(PassTypeItem i) {
            return new ItemResponse(i.getItemId(), i.getItemType(), i.getTitle(), i.getCategory(), i.getPassTypeId(),
                    i.getAddedAt());
        }
    }

    /**
     * @param changed   items added (or removed) by this request
     * @param unchanged items that were already in (or already out of) the pass type
     * @param itemCount items the pass type includes now
     */
    record ItemsChangeResponse(List<String> changed, int unchanged, long itemCount) {
    }

    @PostMapping("/pass-types")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draft a pass type", description = "Creates a pass type in DRAFT with a code, a name and an "
            + "optional description. Add options with prices and publish it before passes can be issued. Answers the "
            + "new pass type, with its address in `Location`.")
    @ApiResponse(responseCode = "201", description = "The pass type, in DRAFT and without options")
    @ApiResponse(responseCode = "409", description = "Another pass type has this code (codes are compared ignoring "
            + "case)")
    ResponseEntity<PassTypeResponse> create(@Valid @RequestBody PassTypeRequest request) {
        PassType type = passTypes.createPassType(request.code().trim(), request.name().trim(), request.description());
        return ResponseEntity.created(URI.create("/pass-types/" + type.getId())).body(PassTypeResponse.of(type));
    }

    @GetMapping("/pass-types")
    @Operation(summary = "List pass types", description = "Pass types, each with its options and prices, optionally "
            + "only those whose name or code contains `q` and those in one status. Sorted by name unless `sort` names "
            + "`name`, `code` or `createdAt`.")
    PageResponse<PassTypeResponse> search(
            @Parameter(description = "Text the name or the code contains, ignoring case")
            @RequestParam(required = false) String q,
            @Parameter(description = "Only pass types in this status")
            @RequestParam(required = false) PublicationStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
        return PageResponse.of(passTypes.search(q, status, Paging.of(page, size, sort, SORTABLE, Sort.by("name", "id"))),
                PassTypeResponse::of);
    }

    @GetMapping("/pass-types/{id}")
    @Operation(summary = "Read a pass type", description = "The pass type with its status, its options (period, "
            + "status, prices) and its `version`, which an edit must send back.")
    PassTypeResponse get(@PathVariable UUID id) {
        return PassTypeResponse.of(passTypes.get(id));
    }

    @PutMapping("/pass-types/{id}")
    @Operation(summary = "Edit a pass type", description = "Changes the code, name and description; `version` must be "
            + "the version last read. A published pass type announces its whole offer again "
            + "(`training-pass.pass-type.updated.v1`).")
    @ApiResponse(responseCode = "200", description = "The pass type as changed")
    @ApiResponse(responseCode = "409", description = "Another pass type has this code, or the pass type was changed "
            + "since `version` was read (read it again)")
    PassTypeResponse describe(@PathVariable UUID id, @Valid @RequestBody DescribePassTypeRequest request) {
        return PassTypeResponse.of(passTypes.describePassType(id, request.code().trim(), request.name().trim(),
                request.description(), request.version()));
    }

    @PostMapping("/pass-types/{id}/publish")
    @Operation(summary = "Publish a pass type", description = "Offers the pass type: passes and orders can then be "
            + "issued with its published options. It needs a published option. Publishing a published type changes "
            + "nothing; publishing an archived one publishes it again, with a new `published` event.")
    @ApiResponse(responseCode = "200", description = "The pass type, PUBLISHED")
    @ApiResponse(responseCode = "409", description = "The pass type has no published option")
    PassTypeResponse publish(@PathVariable UUID id) {
        return PassTypeResponse.of(passTypes.publish(id));
    }

    @PostMapping("/pass-types/{id}/archive")
    @Operation(summary = "Archive a pass type", description = "Stops new passes and orders of this type. Passes "
            + "already issued keep their access until they expire. Archiving an archived type changes nothing.")
    PassTypeResponse archive(@PathVariable UUID id) {
        return PassTypeResponse.of(passTypes.archive(id));
    }

    @PostMapping("/pass-types/{id}/options")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an option", description = "Adds an option, a named period of access (DAYS 1 to 3660 or "
            + "MONTHS 1 to 120), in DRAFT. It needs a price before it can be published. Answers the option, with its "
            + "address in `Location`.")
    ResponseEntity<OptionView> addOption(@PathVariable UUID id, @Valid @RequestBody OptionRequest request) {
        PassOption option = passTypes.addOption(id, request.name().trim(), new Period(request.periodValue(), request.periodUnit()));
        return ResponseEntity.created(URI.create("/pass-types/" + id + "/options/" + option.getId()))
                .body(OptionView.of(option));
    }

    @PostMapping("/pass-types/{id}/options/{optionId}/publish")
    @Operation(summary = "Publish an option", description = "Offers the option for new passes and orders (once its "
            + "pass type is published too). It needs a price; publishing a published option changes nothing. Answers "
            + "the whole pass type.")
    @ApiResponse(responseCode = "200", description = "The pass type, with the option PUBLISHED")
    @ApiResponse(responseCode = "409", description = "The option has no price")
    PassTypeResponse publishOption(@PathVariable UUID id,
            @Parameter(description = "One of the pass type's options") @PathVariable UUID optionId) {
        return PassTypeResponse.of(passTypes.publishOption(id, optionId));
    }

    @PostMapping("/pass-types/{id}/options/{optionId}/archive")
    @Operation(summary = "Archive an option", description = "Withdraws the option: no new passes or orders with it, "
            + "while passes already issued with it keep their access. The last published option of a published pass "
            + "type cannot be archived: archive the pass type first. Answers the whole pass type.")
    @ApiResponse(responseCode = "200", description = "The pass type, with the option ARCHIVED")
    @ApiResponse(responseCode = "409", description = "The option is the last published option of a published pass type")
    PassTypeResponse archiveOption(@PathVariable UUID id,
            @Parameter(description = "One of the pass type's options") @PathVariable UUID optionId) {
        return PassTypeResponse.of(passTypes.archiveOption(id, optionId));
    }

    @PostMapping("/pass-types/{id}/options/{optionId}/prices")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a price to an option", description = "Adds a price for a region: in a currency (ISO "
            + "4217, at most its minor units) or in training tokens (no currency, a whole number). An option has one "
            + "price per region, method and currency. Answers the price, with its address in `Location`.")
    @ApiResponse(responseCode = "201", description = "The price")
    @ApiResponse(responseCode = "409", description = "The option is archived, or already has a price for this region, "
            + "method and currency")
    ResponseEntity<PassTypeEvents.PriceView> addPrice(@PathVariable UUID id,
            @Parameter(description = "One of the pass type's options") @PathVariable UUID optionId,
            @Valid @RequestBody PriceRequest request) {
        PassPrice price = passTypes.addPrice(id, optionId, request.region(), request.method(), request.currency(),
                request.amount());
        return ResponseEntity.created(URI.create("/pass-types/" + id + "/options/" + optionId + "/prices/" + price.getId()))
                .body(PassTypeEvents.PriceView.of(price));
    }

    @DeleteMapping("/pass-types/{id}/options/{optionId}/prices/{priceId}")
    @Operation(summary = "Remove a price", description = "Removes a price from an option. A published option cannot "
            + "lose its last price: archive the option first. Answers the whole pass type.")
    @ApiResponse(responseCode = "200", description = "The pass type without the price")
    @ApiResponse(responseCode = "409", description = "The price is the last one of a published option, or the option "
            + "has no such price")
    PassTypeResponse removePrice(@PathVariable UUID id,
            @Parameter(description = "One of the pass type's options") @PathVariable UUID optionId,
            @Parameter(description = "One of the option's prices") @PathVariable UUID priceId) {
        return PassTypeResponse.of(passTypes.removePrice(id, optionId, priceId));
    }

    /** Includes catalog items, one or many at a time. */
    @PostMapping("/pass-types/{id}/items")
    @Operation(summary = "Include catalog items", description = "Includes catalog items in the pass type, 1 to 1000 "
            + "per request, stored with the id, type, title and category given. `changed` lists the items this request "
            + "added, `unchanged` counts those already included and `itemCount` is the pass type's total. A change is "
            + "announced (`training-pass.pass-type.training-changed.v1`).")
    ItemsChangeResponse addItems(@PathVariable UUID id, @Valid @RequestBody AddItemsRequest request) {
        PassTypeService.ItemsChange change = passTypes.addItems(id, request.items().stream()
                .map(i -> new PassTypeService.NewItem(i.itemId().trim(), i.itemType(), i.title().trim(), i.category()))
                .toList());
        return new ItemsChangeResponse(change.changed(), change.unchanged(), change.itemCount());
    }

    @PostMapping("/pass-types/{id}/items/remove")
    @Operation(summary = "Remove included items", description = "Removes items from the pass type by catalog item id, "
            + "1 to 1000 per request. `changed` lists the items this request removed, `unchanged` counts the ids that "
            + "were not included and `itemCount` is the pass type's total. A change is announced "
            + "(`training-pass.pass-type.training-changed.v1`).")
    ItemsChangeResponse removeItems(@PathVariable UUID id, @Valid @RequestBody RemoveItemsRequest request) {
        PassTypeService.ItemsChange change = passTypes.removeItems(id, request.itemIds());
        return new ItemsChangeResponse(change.changed(), change.unchanged(), change.itemCount());
    }

    @GetMapping("/pass-types/{id}/items")
    @Operation(summary = "List the items of a pass type", description = "The catalog items the pass type includes, as "
            + "stored when added, optionally by text in the title, item type and category. Sorted by title. Works "
            + "whether or not catalog-service is up.")
    PageResponse<ItemResponse> items(@PathVariable UUID id,
            @Parameter(description = "Text the title contains, ignoring case") @RequestParam(required = false) String q,
            @Parameter(description = "Only items of this kind") @RequestParam(required = false) ItemType type,
            @Parameter(description = "Only items of this category (the whole name, ignoring case)")
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(passTypes.items(id, q, type, category,
                Paging.of(page, size, null, Set.of(), Sort.by("title", "itemId"))), ItemResponse::of);
    }

    /**
     * Included items across every pass type, by text, type and category: the admin's answer to "is this
     * already in another pass?" (each row names its pass type).
     */
    @GetMapping("/included-items")
    @Operation(summary = "Search included items across pass types", description = "Items included in any pass type, "
            + "optionally by text in the title, item type and category; each row names its pass type, which answers "
            + "\"is this already in another pass?\". Sorted by title.")
    PageResponse<ItemResponse> includedItems(
            @Parameter(description = "Text the title contains, ignoring case") @RequestParam(required = false) String q,
            @Parameter(description = "Only items of this kind") @RequestParam(required = false) ItemType type,
            @Parameter(description = "Only items of this category (the whole name, ignoring case)")
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(passTypes.items(null, q, type, category,
                Paging.of(page, size, null, Set.of(), Sort.by("title", "itemId", "passTypeId"))), ItemResponse::of);
    }

    /**
     * Finds catalog items to add to this pass type: catalog-service's search (free text, category, type;
     * {@code inAnotherPass=true|false} for "already in another pass"), called with the admin's token
     * through a circuit breaker; 503 when the catalog cannot answer.
     */
    @GetMapping("/pass-types/{id}/catalog-search")
    @Operation(summary = "Find catalog items to add", description = "Searches catalog-service's published programs "
            + "with the caller's token, through a circuit breaker. Each result says whether this pass type includes it "
            + "already (`includedHere`) and lists the pass types that include it. Paged by catalog-service, no `sort`; "
            + "a search catalog-service refuses is a 400 on `q`.")
    @ApiResponse(responseCode = "200", description = "One page of catalog items, each marked with the pass types "
            + "including it")
    @ApiResponse(responseCode = "503", description = "catalog-service cannot answer (down, too slow or its circuit "
            + "breaker open); the pass type's own item list and `/included-items` keep working",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before asking again",
                    schema = @Schema(type = "integer")))
    PageResponse<Candidate> catalogSearch(@PathVariable UUID id,
            @Parameter(description = "Free text, in catalog-service's search syntax (e.g. `\"first aid\" -online`)")
            @RequestParam(required = false) String q,
            @Parameter(description = "Only programs of this catalog category")
            @RequestParam(required = false) String category,
            @Parameter(description = "Only programs of this kind") @RequestParam(required = false) ItemType type,
            @Parameter(description = "true: only programs another pass type includes; false: only programs no other "
                    + "pass type includes; absent: either") @RequestParam(required = false) Boolean inAnotherPass,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken auth) {
        passTypes.get(id);
        org.springframework.data.domain.Pageable pageable = Paging.of(page, size, null, Set.of(), Sort.unsorted());
        CatalogClient.CatalogPage found = catalog.search(auth.getToken().getTokenValue(), new CatalogClient.Query(q, category,
                type == null ? null : type.name(), inAnotherPass, id, pageable.getPageNumber(), pageable.getPageSize()));
        Map<String, List<UUID>> including = passTypes.passTypesIncluding(
                found.items().stream().map(p -> p.id().toString()).toList());
        List<Candidate> candidates = found.items().stream().map(p -> {
            List<UUID> types = including.getOrDefault(p.id().toString(), List.of());
            return new Candidate(p.id(), p.type(), p.title(), p.category(), types.contains(id), types);
        }).toList();
        return new PageResponse<>(candidates, found.page(), found.size(), found.totalItems(), found.totalPages());
    }

    /** For a list of catalog item ids: the pass types that include each. */
    @GetMapping("/included-items/pass-types")
    @Operation(summary = "Find the pass types including items", description = "For each catalog item id asked for, the "
            + "ids of the pass types that include it, keyed by item id. Items no pass type includes are left out.")
    Map<String, List<UUID>> passTypesIncluding(
            @Parameter(description = "A catalog item id; repeat the parameter for several (`itemId=a&itemId=b`)")
            @RequestParam List<String> itemId) {
        return passTypes.passTypesIncluding(itemId);
    }
}
