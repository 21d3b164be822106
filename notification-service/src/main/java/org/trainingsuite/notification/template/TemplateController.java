package org.trainingsuite.notification.template;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.errors.InvalidInputException;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;

@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Templates", description = "Message templates: a subject and a body in Mustache, checked when saved, "
        + "that communication triggers send. Messages are plain text (nothing is HTML-escaped); a placeholder whose "
        + "fact is missing for a message renders empty.")
class TemplateController {

    private final TemplateService templates;

    TemplateController(TemplateService templates) {
        this.templates = templates;
    }

    record TemplateRequest(
            @Schema(description = "What admins call the template; unique", example = "Pass expiry reminder")
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "The subject line, a Mustache template",
                    example = "Your {{pass.type}} expires on {{pass.expiresOn}}")
            @NotBlank @Size(max = 500) String subject,
            @Schema(description = "The message text, a Mustache template",
                    example = "Hello {{person.name}},\n\nyour {{pass.type}} ({{pass.option}}) gives you access until "
                            + "{{pass.expiresOn}}. Your passes: {{links.myPasses}}")
            @NotBlank @Size(max = 100000) String body,
            @Schema(description = "The version last read: required to change a template (a stale one is refused with "
                    + "409), ignored when creating", example = "0")
            Long version) {
    }

    @PostMapping("/templates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a template", description = "Saves a template after rendering its subject and body "
            + "against a sample of every placeholder: `person.*`, `pass.*`, `plan.*`, `milestone.*`, the `milestones` "
            + "section, `event.date`, `trigger.*` and `links.*`. An unknown placeholder, a partial or a broken "
            + "template is a 400 naming `subject` or `body`. Answers the template, with its address in `Location`.")
    @ApiResponse(responseCode = "201", description = "The template, at version 0")
    @ApiResponse(responseCode = "409", description = "A template with this name exists already")
    ResponseEntity<TemplateService.MessageTemplate> create(@Valid @RequestBody TemplateRequest r) {
        TemplateService.MessageTemplate t = templates.create(r.name().trim(), r.subject(), r.body());
        return ResponseEntity.created(URI.create("/templates/" + t.id())).body(t);
    }

    @PutMapping("/templates/{id}")
    @Operation(summary = "Change a template", description = "Replaces the name, subject and body, checked as when "
            + "created; `version` must be the version last read. Messages not sent yet are written with the template "
            + "as it is when they are sent; those sent keep their text.")
    @ApiResponse(responseCode = "200", description = "The template as changed, with its new version")
    @ApiResponse(responseCode = "409", description = "Another template has this name, or the template was changed "
            + "since `version` was read (read it again)")
    TemplateService.MessageTemplate change(@PathVariable UUID id, @Valid @RequestBody TemplateRequest r) {
        if (r.version() == null) {
            throw new InvalidInputException("version", "must be the version read");
        }
        return templates.change(id, r.name().trim(), r.subject(), r.body(), r.version());
    }

    @GetMapping("/templates/{id}")
    @Operation(summary = "Read a template", description = "The template's name, subject and body, and its `version`, "
            + "which a change must send back.")
    TemplateService.MessageTemplate get(@PathVariable UUID id) {
        return templates.get(id);
    }

    @GetMapping("/templates")
    @Operation(summary = "List templates", description = "Every template, by name.")
    PageResponse<TemplateService.MessageTemplate> all(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(templates.all(Paging.of(page, size, null, Set.of(), Sort.unsorted())), t -> t);
    }
}
