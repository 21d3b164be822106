package org.trainingsuite.catalog.catalogs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;

@RestController
@Tag(name = "Catalogs", description = "Named collections offered to an audience, holding programs and learning "
        + "plans. Learners see only the published programs of a catalog. A plan listed in a catalog here is not yet "
        + "open to registration through it: that is the plan's own `catalogIds`, set in learning-plan-service.")
class CatalogController {

    private final CatalogService catalogs;

    CatalogController(CatalogService catalogs) {
        this.catalogs = catalogs;
    }

    record CatalogRequest(@Schema(description = "The catalog's name; unique, ignoring case",
                                  example = "Safety essentials")
                          @NotBlank @Size(max = 200) String name,
                          @Schema(description = "Whom the catalog is for", example = "Warehouse and site staff")
                          @Size(max = 500) String audience) {
    }

    record CatalogResponse(UUID id, String name, String audience, long version) {

        static CatalogResponse of(Catalog c) {
            return new CatalogResponse(c.getId(), c.getName(), c.getAudience(), c.getVersion());
        }
    }

    record ItemsRequest(@Schema(description = "What `itemIds` are: PROGRAM or LEARNING_PLAN", example = "PROGRAM")
                        @NotNull CatalogService.ItemKind kind,
                        @Schema(description = "The programs' or learning plans' ids, at least one; an id listed twice "
                                + "counts once",
                                example = "[\"3f2b6c1e-8a4d-4c1b-9e7a-2d5f6a7b8c9d\", "
                                        + "\"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\"]")
                        @NotEmpty List<@NotNull UUID> itemIds) {
    }

    @Operation(summary = "Create a catalog",
            description = "Creates an empty catalog. A name another catalog has, ignoring case, is refused with 409. "
                    + "Answers the catalog, with its address in `Location`.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/catalogs")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<CatalogResponse> create(@Valid @RequestBody CatalogRequest request) {
        Catalog catalog = catalogs.createCatalog(request.name().trim(), request.audience());
        return ResponseEntity.created(URI.create("/catalogs/" + catalog.getId())).body(CatalogResponse.of(catalog));
    }

    @Operation(summary = "List catalogs", description = "One page of all catalogs, by name.")
    @GetMapping("/catalogs")
    PageResponse<CatalogResponse> all(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(catalogs.all(Paging.of(page, size, null, Set.of(), Sort.by("name", "id"))), CatalogResponse::of);
    }

    @Operation(summary = "Read a catalog", description = "A catalog's name and audience.")
    @GetMapping("/catalogs/{id}")
    CatalogResponse get(@PathVariable UUID id) {
        return CatalogResponse.of(catalogs.get(id));
    }

    @Operation(summary = "List the items of a catalog",
            description = "One page of a catalog's programs and learning plans, by title, each with its kind, id, "
                    + "title and when it was added. A plan whose title has not arrived from learning-plan-service yet "
                    + "is titled \"unknown\". Admins also see draft and archived programs; others only published "
                    + "ones.")
    @GetMapping("/catalogs/{id}/items")
    PageResponse<CatalogService.Item> items(@PathVariable UUID id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, org.springframework.security.core.Authentication auth) {
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        return PageResponse.of(catalogs.items(id, admin, Paging.of(page, size, null, Set.of(), Sort.unsorted())), item -> item);
    }

    /** Adds programs or learning plans, one or many. */
    @Operation(summary = "Add items to a catalog",
            description = "Adds programs or learning plans, one or many, all of the `kind` given. Programs must exist: "
                    + "any unknown id is a 400 naming it, and nothing is added. Learning plans are taken by id. Items "
                    + "already in the catalog are counted as `unchanged`; each item added is announced by one event. "
                    + "Answers how many were added (`changed`).")
    @PostMapping("/catalogs/{id}/items")
    @PreAuthorize("hasRole('ADMIN')")
    CatalogService.ItemsChange add(@PathVariable UUID id, @Valid @RequestBody ItemsRequest request) {
        return catalogs.addItems(id, request.kind(), request.itemIds());
    }

    @Operation(summary = "Remove items from a catalog",
            description = "Removes the items listed, of the `kind` given (a POST, since a DELETE with a body is poorly "
                    + "supported). Ids not in the catalog are counted as `unchanged`; each item removed is announced by "
                    + "one event. Answers how many were removed (`changed`).")
    @PostMapping("/catalogs/{id}/items/remove")
    @PreAuthorize("hasRole('ADMIN')")
    CatalogService.ItemsChange remove(@PathVariable UUID id, @Valid @RequestBody ItemsRequest request) {
        return catalogs.removeItems(id, request.kind(), request.itemIds());
    }
}
