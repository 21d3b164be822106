package org.trainingsuite.notification.template;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.errors.InvalidInputException;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;

@RestController
@PreAuthorize("hasRole('ADMIN')")
class TemplateController {

    private final TemplateService templates;

    TemplateController(TemplateService templates) {
        this.templates = templates;
    }

    record TemplateRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 500) String subject,
                           @NotBlank @Size(max = 100000) String body, Long version) {
    }

    @PostMapping("/templates")
    ResponseEntity<TemplateService.MessageTemplate> create(@Valid @RequestBody TemplateRequest r) {
        TemplateService.MessageTemplate t = templates.create(r.name().trim(), r.subject(), r.body());
        return ResponseEntity.created(URI.create("/templates/" + t.id())).body(t);
    }

    @PutMapping("/templates/{id}")
    TemplateService.MessageTemplate change(@PathVariable UUID id, @Valid @RequestBody TemplateRequest r) {
        if (r.version() == null) {
            throw new InvalidInputException("version", "must be the version read");
        }
        return templates.change(id, r.name().trim(), r.subject(), r.body(), r.version());
    }

    @GetMapping("/templates/{id}")
    TemplateService.MessageTemplate get(@PathVariable UUID id) {
        return templates.get(id);
    }

    @GetMapping("/templates")
    PageResponse<TemplateService.MessageTemplate> all(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(templates.all(Paging.of(page, size, null, Set.of(), Sort.unsorted())), t -> t);
    }
}
