package org.trainingsuite.notification.trigger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.errors.InvalidInputException;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;

@RestController
@PreAuthorize("hasRole('ADMIN')")
class TriggerController {

    private final TriggerService triggers;

    TriggerController(TriggerService triggers) {
        this.triggers = triggers;
    }

    record TriggerRequest(@NotBlank @Size(max = 200) String name,
                          @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,20}", message = "1 to 20 letters, digits, - or _") String abbreviation,
                          @NotNull UUID templateId, @NotBlank @Email @Size(max = 320) String fromAddress,
                          @NotNull Target target, @NotNull TriggerEvent event,
                          @Size(max = 1000) List<@NotNull UUID> passTypeIds, @Size(max = 1000) List<@NotNull UUID> planIds,
                          @Size(max = 20) List<@NotNull @Min(-3650) @Max(3650) Integer> offsetsDays,
                          @Min(1) @Max(365) Integer repeatEveryDays, @Min(1) @Max(100) Integer repeatMax,
                          Boolean audienceLearner, Boolean audienceAccountContacts,
                          @Size(max = 50) List<@NotBlank @Email @Size(max = 320) String> extraAddresses,
                          Boolean automated, Boolean enabled, Long version) {

        TriggerService.Spec spec() {
            return new TriggerService.Spec(name.trim(), abbreviation, templateId, fromAddress, target, event, passTypeIds,
                    planIds, offsetsDays, repeatEveryDays, repeatMax, audienceLearner == null || audienceLearner,
                    Boolean.TRUE.equals(audienceAccountContacts), extraAddresses, automated == null || automated,
                    enabled == null || enabled);
        }
    }

    @PostMapping("/triggers")
    ResponseEntity<Trigger> create(@Valid @RequestBody TriggerRequest r) {
        Trigger t = triggers.create(r.spec());
        return ResponseEntity.created(URI.create("/triggers/" + t.id())).body(t);
    }

    @PutMapping("/triggers/{id}")
    Trigger change(@PathVariable UUID id, @Valid @RequestBody TriggerRequest r) {
        if (r.version() == null) {
            throw new InvalidInputException("version", "must be the version read");
        }
        return triggers.change(id, r.spec(), r.version());
    }

    @GetMapping("/triggers/{id}")
    Trigger get(@PathVariable UUID id) {
        return triggers.get(id);
    }

    @GetMapping("/triggers")
    PageResponse<Trigger> all(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(triggers.all(Paging.of(page, size, null, Set.of(), Sort.unsorted())), t -> t);
    }
}
