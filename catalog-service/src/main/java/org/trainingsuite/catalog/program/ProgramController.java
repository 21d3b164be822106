package org.trainingsuite.catalog.program;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.catalog.passes.PassProjection;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;
import org.trainingsuite.platform.web.PlatformSecurity;

@RestController
class ProgramController {

    private final ProgramService programs;
    private final ProgramSearch search;
    private final PassProjection passes;

    ProgramController(ProgramService programs, ProgramSearch search, PassProjection passes) {
        this.programs = programs;
        this.search = search;
        this.passes = passes;
    }

    record ProgramRequest(@NotNull ProgramType type, @NotNull Delivery delivery, @NotBlank @Size(max = 300) String title,
                          @Size(max = 20000) String description, @Size(max = 20000) String objectives,
                          @Size(max = 100) String category,
                          @DecimalMin("0") @Digits(integer = 7, fraction = 2) BigDecimal credits,
                          @Min(1) Integer accessDays, Long version) {

        Program.Details details() {
            return new Program.Details(type, delivery, title.trim(), description, objectives,
                    category == null || category.isBlank() ? null : category.trim(), credits, accessDays);
        }
    }

    record SessionRequest(@NotNull Instant startsAt, @NotNull Instant endsAt, @NotBlank String timeZone,
                          @Min(1) Integer capacity, @Size(max = 300) String location, @Size(max = 1000) String lmsLink,
                          @DecimalMin("0") @Digits(integer = 7, fraction = 2) BigDecimal credits) {
    }

    record SessionResponse(UUID id, Instant startsAt, Instant endsAt, String timeZone, Integer capacity, int seatsTaken,
                           String location, String lmsLink, BigDecimal credits) {

        static SessionResponse of(ProgramSession s) {
            return new SessionResponse(s.getId(), s.getStartsAt(), s.getEndsAt(), s.getTimeZone(), s.getCapacity(),
                    s.getSeatsTaken(), s.getLocation(), s.getLmsLink(), s.getCredits());
        }
    }

    record ProgramResponse(UUID id, ProgramType type, Delivery delivery, String title, String description,
                           String objectives, String category, BigDecimal credits, Integer accessDays,
                           ProgramStatus status, long version, List<SessionResponse> sessions) {

        static ProgramResponse of(Program p, List<ProgramSession> sessions) {
            return new ProgramResponse(p.getId(), p.getType(), p.getDelivery(), p.getTitle(), p.getDescription(),
                    p.getObjectives(), p.getCategory(), p.getCredits(), p.getAccessDays(), p.getStatus(), p.getVersion(),
                    sessions.stream().map(SessionResponse::of).toList());
        }
    }

    /** A search result; for a learner's own catalog view, with their pass badge. */
    record CatalogEntry(UUID id, ProgramType type, Delivery delivery, String title, String category, BigDecimal credits,
                        ProgramStatus status, PassProjection.Badge passBadge, List<UUID> passTypeIds) {
    }

    @PostMapping("/programs")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<ProgramResponse> create(@Valid @RequestBody ProgramRequest request) {
        Program program = programs.createProgram(request.details());
        return ResponseEntity.created(URI.create("/programs/" + program.getId()))
                .body(ProgramResponse.of(program, List.of()));
    }

    @PutMapping("/programs/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ProgramResponse edit(@PathVariable UUID id, @Valid @RequestBody ProgramRequest request) {
        if (request.version() == null) {
            throw new org.trainingsuite.platform.errors.InvalidInputException("version", "is required to edit a program");
        }
        Program program = programs.editProgram(id, request.details(), request.version());
        return ProgramResponse.of(program, programs.sessionsOf(id));
    }

    @PostMapping("/programs/{id}/publish")
    @PreAuthorize("hasRole('ADMIN')")
    ProgramResponse publish(@PathVariable UUID id) {
        return ProgramResponse.of(programs.publish(id), programs.sessionsOf(id));
    }

    @PostMapping("/programs/{id}/archive")
    @PreAuthorize("hasRole('ADMIN')")
    ProgramResponse archive(@PathVariable UUID id) {
        return ProgramResponse.of(programs.archive(id), programs.sessionsOf(id));
    }

    @PostMapping("/programs/{id}/sessions")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<SessionResponse> schedule(@PathVariable UUID id, @Valid @RequestBody SessionRequest r) {
        ProgramSession session = programs.scheduleSession(id, new ProgramService.NewSession(r.startsAt(), r.endsAt(),
                r.timeZone(), r.capacity(), r.location(), r.lmsLink(), r.credits()));
        return ResponseEntity.created(URI.create("/programs/" + id + "/sessions/" + session.getId()))
                .body(SessionResponse.of(session));
    }

    /** Any signed-in person may read a published program; drafts and archived ones are for admins. */
    @GetMapping("/programs/{id}")
    ProgramResponse get(@PathVariable UUID id, Authentication auth) {
        Program program = programs.get(id);
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        if (!admin && program.getStatus() != ProgramStatus.PUBLISHED) {
            throw org.trainingsuite.platform.errors.NotFoundException.of("program", id);
        }
        return ProgramResponse.of(program, programs.sessionsOf(id));
    }

    /**
     * Admin search over every program, any status; {@code inAnotherPass} (with {@code exceptPassTypeId}, the
     * pass type being edited) keeps programs that another pass type does, or does not, include.
     */
    @GetMapping("/programs")
    @PreAuthorize("hasRole('ADMIN')")
    PageResponse<CatalogEntry> adminSearch(@RequestParam(required = false) String q,
            @RequestParam(required = false) String category, @RequestParam(required = false) ProgramType type,
            @RequestParam(required = false) Delivery delivery, @RequestParam(required = false) UUID catalogId,
            @RequestParam(required = false) UUID passTypeId, @RequestParam(required = false) ProgramStatus status,
            @RequestParam(required = false) Boolean inAnotherPass, @RequestParam(required = false) UUID exceptPassTypeId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        ProgramSearch.InPass inPass = inAnotherPass == null ? null : new ProgramSearch.InPass(inAnotherPass, exceptPassTypeId);
        return PageResponse.of(search.search(new ProgramSearch.Criteria(q, category, type, delivery, catalogId, passTypeId,
                status, inPass), Paging.of(page, size, sort, ProgramSearch.SORTABLE, org.springframework.data.domain.Sort.unsorted())),
                h -> new CatalogEntry(h.id(), h.type(), h.delivery(), h.title(), h.category(), h.credits(), h.status(),
                        null, null));
    }

    /**
     * The catalog as the caller sees it: published programs, each with the caller's pass badge and the
     * pass types that include it; {@code passTypeId} filters by one of them.
     */
    @GetMapping("/me/catalog")
    PageResponse<CatalogEntry> myCatalog(@RequestParam(required = false) String q,
            @RequestParam(required = false) String category, @RequestParam(required = false) ProgramType type,
            @RequestParam(required = false) Delivery delivery, @RequestParam(required = false) UUID catalogId,
            @RequestParam(required = false) UUID passTypeId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort, Authentication auth) {
        Page<ProgramSearch.Hit> hits = search.search(new ProgramSearch.Criteria(q, category, type, delivery, catalogId,
                passTypeId, ProgramStatus.PUBLISHED), Paging.of(page, size, sort, ProgramSearch.SORTABLE,
                org.springframework.data.domain.Sort.unsorted()));
        Map<String, PassProjection.ItemBadge> badges = passes.badges(PlatformSecurity.personId(auth),
                hits.getContent().stream().map(h -> h.id().toString()).toList());
        return PageResponse.of(hits, h -> {
            PassProjection.ItemBadge badge = badges.getOrDefault(h.id().toString(), PassProjection.ItemBadge.NONE);
            return new CatalogEntry(h.id(), h.type(), h.delivery(), h.title(), h.category(), h.credits(), h.status(),
                    badge.badge(), badge.passTypeIds());
        });
    }
}
