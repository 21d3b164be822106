package org.trainingsuite.trainingpass.passtype;

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
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;
import org.trainingsuite.trainingpass.passtype.PassTypeEvents.OptionView;

@RestController
@PreAuthorize("hasRole('ADMIN')")
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
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,20}", message = "must be 1 to 20 letters, digits, _ or -") String code,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String description) {
    }

    record DescribePassTypeRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,20}", message = "must be 1 to 20 letters, digits, _ or -") String code,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String description,
            @NotNull Long version) {
    }

    record OptionRequest(@NotBlank @Size(max = 200) String name, @NotNull Integer periodValue,
                         @NotNull Period.Unit periodUnit) {
    }

    record PriceRequest(@NotBlank @Size(max = 50) String region, @NotNull PricingMethod method,
                        @Size(max = 3) String currency,
                        @NotNull @Digits(integer = 15, fraction = 4) BigDecimal amount) {
    }

    record ItemRequest(@NotBlank @Size(max = 64) String itemId, @NotNull ItemType itemType,
                       @NotBlank @Size(max = 300) String title, @Size(max = 100) String category) {
    }

    /** At most 1000 items per request: each change is one event, and an event stays well under Kafka's limit. */
    record AddItemsRequest(@NotEmpty @Size(max = 1000) List<@Valid @NotNull ItemRequest> items) {
    }

    record RemoveItemsRequest(@NotEmpty @Size(max = 1000) List<@NotBlank String> itemIds) {
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
    ResponseEntity<PassTypeResponse> create(@Valid @RequestBody PassTypeRequest request) {
        PassType type = passTypes.createPassType(request.code().trim(), request.name().trim(), request.description());
        return ResponseEntity.created(URI.create("/pass-types/" + type.getId())).body(PassTypeResponse.of(type));
    }

    @GetMapping("/pass-types")
    PageResponse<PassTypeResponse> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) PublicationStatus status, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
        return PageResponse.of(passTypes.search(q, status, Paging.of(page, size, sort, SORTABLE, Sort.by("name", "id"))),
                PassTypeResponse::of);
    }

    @GetMapping("/pass-types/{id}")
    PassTypeResponse get(@PathVariable UUID id) {
        return PassTypeResponse.of(passTypes.get(id));
    }

    @PutMapping("/pass-types/{id}")
    PassTypeResponse describe(@PathVariable UUID id, @Valid @RequestBody DescribePassTypeRequest request) {
        return PassTypeResponse.of(passTypes.describePassType(id, request.code().trim(), request.name().trim(),
                request.description(), request.version()));
    }

    @PostMapping("/pass-types/{id}/publish")
    PassTypeResponse publish(@PathVariable UUID id) {
        return PassTypeResponse.of(passTypes.publish(id));
    }

    @PostMapping("/pass-types/{id}/archive")
    PassTypeResponse archive(@PathVariable UUID id) {
        return PassTypeResponse.of(passTypes.archive(id));
    }

    @PostMapping("/pass-types/{id}/options")
    ResponseEntity<OptionView> addOption(@PathVariable UUID id, @Valid @RequestBody OptionRequest request) {
        PassOption option = passTypes.addOption(id, request.name().trim(), new Period(request.periodValue(), request.periodUnit()));
        return ResponseEntity.created(URI.create("/pass-types/" + id + "/options/" + option.getId()))
                .body(OptionView.of(option));
    }

    @PostMapping("/pass-types/{id}/options/{optionId}/publish")
    PassTypeResponse publishOption(@PathVariable UUID id, @PathVariable UUID optionId) {
        return PassTypeResponse.of(passTypes.publishOption(id, optionId));
    }

    @PostMapping("/pass-types/{id}/options/{optionId}/archive")
    PassTypeResponse archiveOption(@PathVariable UUID id, @PathVariable UUID optionId) {
        return PassTypeResponse.of(passTypes.archiveOption(id, optionId));
    }

    @PostMapping("/pass-types/{id}/options/{optionId}/prices")
    ResponseEntity<PassTypeEvents.PriceView> addPrice(@PathVariable UUID id, @PathVariable UUID optionId,
            @Valid @RequestBody PriceRequest request) {
        PassPrice price = passTypes.addPrice(id, optionId, request.region(), request.method(), request.currency(),
                request.amount());
        return ResponseEntity.created(URI.create("/pass-types/" + id + "/options/" + optionId + "/prices/" + price.getId()))
                .body(PassTypeEvents.PriceView.of(price));
    }

    @DeleteMapping("/pass-types/{id}/options/{optionId}/prices/{priceId}")
    PassTypeResponse removePrice(@PathVariable UUID id, @PathVariable UUID optionId, @PathVariable UUID priceId) {
        return PassTypeResponse.of(passTypes.removePrice(id, optionId, priceId));
    }

    /** Includes catalog items, one or many at a time. */
    @PostMapping("/pass-types/{id}/items")
    ItemsChangeResponse addItems(@PathVariable UUID id, @Valid @RequestBody AddItemsRequest request) {
        PassTypeService.ItemsChange change = passTypes.addItems(id, request.items().stream()
                .map(i -> new PassTypeService.NewItem(i.itemId().trim(), i.itemType(), i.title().trim(), i.category()))
                .toList());
        return new ItemsChangeResponse(change.changed(), change.unchanged(), change.itemCount());
    }

    @PostMapping("/pass-types/{id}/items/remove")
    ItemsChangeResponse removeItems(@PathVariable UUID id, @Valid @RequestBody RemoveItemsRequest request) {
        PassTypeService.ItemsChange change = passTypes.removeItems(id, request.itemIds());
        return new ItemsChangeResponse(change.changed(), change.unchanged(), change.itemCount());
    }

    @GetMapping("/pass-types/{id}/items")
    PageResponse<ItemResponse> items(@PathVariable UUID id, @RequestParam(required = false) String q,
            @RequestParam(required = false) ItemType type, @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(passTypes.items(id, q, type, category,
                Paging.of(page, size, null, Set.of(), Sort.by("title", "itemId"))), ItemResponse::of);
    }

    /**
     * Included items across every pass type, by text, type and category: the admin's answer to "is this
     * already in another pass?" (each row names its pass type).
     */
    @GetMapping("/included-items")
    PageResponse<ItemResponse> includedItems(@RequestParam(required = false) String q,
            @RequestParam(required = false) ItemType type, @RequestParam(required = false) String category,
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
    PageResponse<Candidate> catalogSearch(@PathVariable UUID id, @RequestParam(required = false) String q,
            @RequestParam(required = false) String category, @RequestParam(required = false) ItemType type,
            @RequestParam(required = false) Boolean inAnotherPass, @RequestParam(required = false) Integer page,
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
    Map<String, List<UUID>> passTypesIncluding(@RequestParam List<String> itemId) {
        return passTypes.passTypesIncluding(itemId);
    }
}
