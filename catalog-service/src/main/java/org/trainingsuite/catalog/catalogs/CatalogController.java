package org.trainingsuite.catalog.catalogs;

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
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;

@RestController
class CatalogController {

    private final CatalogService catalogs;

    CatalogController(CatalogService catalogs) {
        this.catalogs = catalogs;
    }

    record CatalogRequest(@NotBlank @Size(max = 200) String name, @Size(max = 500) String audience) {
    }

    record CatalogResponse(UUID id, String name, String audience, long version) {

        static CatalogResponse of(Catalog c) {
            return new CatalogResponse(c.getId(), c.getName(), c.getAudience(), c.getVersion());
        }
    }

    record ItemsRequest(@NotNull CatalogService.ItemKind kind, @NotEmpty List<@NotNull UUID> itemIds) {
    }

    @PostMapping("/catalogs")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<CatalogResponse> create(@Valid @RequestBody CatalogRequest request) {
        Catalog catalog = catalogs.createCatalog(request.name().trim(), request.audience());
        return ResponseEntity.created(URI.create("/catalogs/" + catalog.getId())).body(CatalogResponse.of(catalog));
    }

    @GetMapping("/catalogs")
    PageResponse<CatalogResponse> all(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(catalogs.all(Paging.of(page, size, null, Set.of(), Sort.by("name", "id"))), CatalogResponse::of);
    }

    @GetMapping("/catalogs/{id}")
    CatalogResponse get(@PathVariable UUID id) {
        return CatalogResponse.of(catalogs.get(id));
    }

    @GetMapping("/catalogs/{id}/items")
    PageResponse<CatalogService.Item> items(@PathVariable UUID id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, org.springframework.security.core.Authentication auth) {
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        return PageResponse.of(catalogs.items(id, admin, Paging.of(page, size, null, Set.of(), Sort.unsorted())), item -> item);
    }

    /** Adds programs or learning plans, one or many. */
    @PostMapping("/catalogs/{id}/items")
    @PreAuthorize("hasRole('ADMIN')")
    CatalogService.ItemsChange add(@PathVariable UUID id, @Valid @RequestBody ItemsRequest request) {
        return catalogs.addItems(id, request.kind(), request.itemIds());
    }

    @PostMapping("/catalogs/{id}/items/remove")
    @PreAuthorize("hasRole('ADMIN')")
    CatalogService.ItemsChange remove(@PathVariable UUID id, @Valid @RequestBody ItemsRequest request) {
        return catalogs.removeItems(id, request.kind(), request.itemIds());
    }
}
