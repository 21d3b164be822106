package org.trainingsuite.catalog.program;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.catalog.passes.PassProjection;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;
import org.trainingsuite.platform.web.PlatformSecurity;

@RestController
@Tag(name = "Programs and sessions", description = "What can be learned: courses, events, learning paths and "
        + "activities. A program is drafted, then published (offered) or archived (withdrawn); learners see only "
        + "published ones. Courses and events are delivered in sessions. Also the catalog as a learner browses it, "
        + "with the training-pass badge of each program.")
class ProgramController {

    private final ProgramService programs;
    private final ProgramSearch search;
    private final PassProjection passes;

    ProgramController(ProgramService programs, ProgramSearch search, PassProjection passes) {
        this.programs = programs;
        this.search = search;
        this.passes = passes;
    }

    record ProgramRequest(@Schema(description = "COURSE or EVENT (both delivered in sessions), LEARNING_PATH or "
                                  + "ACTIVITY; it cannot change once the program exists", example = "COURSE")
                          @NotNull ProgramType type,
                          @Schema(description = "ONLINE (in the LMS), CLASSROOM or BLENDED", example = "BLENDED")
                          @NotNull Delivery delivery,
                          @Schema(description = "The title learners see", example = "First aid at work")
                          @NotBlank @Size(max = 300) String title,
                          @Schema(description = "What the program is about; searched",
                                  example = "Two days of practice: assessing a casualty, CPR, the recovery position "
                                          + "and using a defibrillator.")
                          @Size(max = 20000) String description,
                          @Schema(description = "What learners will be able to do; searched",
                                  example = "Give first aid to a colleague until help arrives.")
                          @Size(max = 20000) String objectives,
                          @Schema(description = "The category, for the category filter (matched whole, ignoring case)",
                                  example = "Health and safety")
                          @Size(max = 100) String category,
                          @Schema(description = "Credits earned on completion, an exact decimal with at most 2 "
                                  + "fraction digits (more is refused, never rounded); 0 when left out", example = "1.5")
                          @DecimalMin("0") @Digits(integer = 7, fraction = 2) BigDecimal credits,
                          @Schema(description = "Days of access to the online content after enrolling; no end when "
                                  + "left out", example = "365")
                          @Min(1) Integer accessDays,
                          @Schema(description = "The version last read: required to edit (a stale one is refused "
                                  + "with 409), ignored when creating", example = "0")
                          Long version) {

        Program.Details details() {
            return new Program.Details(type, delivery, title.trim(), description, objectives,
                    category == null || category.isBlank() ? null : category.trim(), credits, accessDays);
        }
    }

    record SessionRequest(@Schema(description = "When the session starts", example = "2026-09-14T07:00:00Z")
                          @NotNull Instant startsAt,
                          @Schema(description = "When it ends; after `startsAt`", example = "2026-09-15T15:00:00Z")
                          @NotNull Instant endsAt,
                          @Schema(description = "The IANA time zone it is held in, for showing local times",
                                  example = "Europe/Paris")
                          @NotBlank String timeZone,
                          @Schema(description = "Seats; unlimited when left out", example = "12")
                          @Min(1) Integer capacity,
                          @Schema(description = "Where it is held; an online or blended session needs this or an "
                                  + "`lmsLink`", example = "Lyon training centre, room 2")
                          @Size(max = 300) String location,
                          @Schema(description = "Its page in the LMS; an online or blended session needs this or a "
                                  + "`location`", example = "https://lms.example.org/sessions/first-aid-2026-09")
                          @Size(max = 1000) String lmsLink,
                          @Schema(description = "Credits earned by completing this session, an exact decimal with at "
                                  + "most 2 fraction digits; 0 when left out", example = "1.5")
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

    @Operation(summary = "Create a program",
            description = "Drafts a program: learners see it, and it takes enrollments, only once it is published. "
                    + "`version` is ignored here. Answers the program, with no sessions yet and its address in "
                    + "`Location`.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/programs")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<ProgramResponse> create(@Valid @RequestBody ProgramRequest request) {
        Program program = programs.createProgram(request.details());
        return ResponseEntity.created(URI.create("/programs/" + program.getId()))
                .body(ProgramResponse.of(program, List.of()));
    }

    @Operation(summary = "Edit a program",
            description = "Replaces the details of a program, whatever its status. `version` is required: the one "
                    + "last read; if someone changed the program meanwhile the answer is 409. The `type` cannot change "
                    + "(409: create a new program instead). A change to a published program is announced to the other "
                    + "services. Answers the program with its sessions.")
    @PutMapping("/programs/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ProgramResponse edit(@PathVariable UUID id, @Valid @RequestBody ProgramRequest request) {
        if (request.version() == null) {
            throw new org.trainingsuite.platform.errors.InvalidInputException("version", "is required to edit a program");
        }
        Program program = programs.editProgram(id, request.details(), request.version());
        return ProgramResponse.of(program, programs.sessionsOf(id));
    }

    @Operation(summary = "Publish a program",
            description = "Offers a draft or archived program: learners see it and it takes enrollments. Publishing a "
                    + "published program changes nothing. Answers the program with its sessions.")
    @PostMapping("/programs/{id}/publish")
    @PreAuthorize("hasRole('ADMIN')")
    ProgramResponse publish(@PathVariable UUID id) {
        return ProgramResponse.of(programs.publish(id), programs.sessionsOf(id));
    }

    @Operation(summary = "Archive a program",
            description = "Withdraws a program: learners no longer see it and it takes no new enrollments; existing "
                    + "enrollments and completions stay. Archiving an archived program changes nothing. Answers the "
                    + "program with its sessions.")
    @PostMapping("/programs/{id}/archive")
    @PreAuthorize("hasRole('ADMIN')")
    ProgramResponse archive(@PathVariable UUID id) {
        return ProgramResponse.of(programs.archive(id), programs.sessionsOf(id));
    }

    @Operation(summary = "Schedule a session",
            description = "Adds a session to a course or event; other types have no sessions (409). `endsAt` must be "
                    + "after `startsAt`, `timeZone` an IANA zone such as Europe/Paris, and an online or blended session "
                    + "needs an `lmsLink` or a `location`. A session added to a published program is announced. "
                    + "Answers the session.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/programs/{id}/sessions")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<SessionResponse> schedule(@PathVariable UUID id, @Valid @RequestBody SessionRequest r) {
        ProgramSession session = programs.scheduleSession(id, new ProgramService.NewSession(r.startsAt(), r.endsAt(),
                r.timeZone(), r.capacity(), r.location(), r.lmsLink(), r.credits()));
        return ResponseEntity.created(URI.create("/programs/" + id + "/sessions/" + session.getId()))
                .body(SessionResponse.of(session));
    }

    /** Any signed-in person may read a published program; drafts and archived ones are for admins. */
    @Operation(summary = "Read a program",
            description = "A program with its sessions in start order, each with its seats taken. A draft or archived "
                    + "program is shown to admins only: anyone else gets 404.")
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
    @Operation(summary = "Search all programs",
            description = "Searches programs of every status. `q` is full-text search over title, category, "
                    + "description and objectives (weighted in that order) with web-search syntax "
                    + "(`\"first aid\" -online`): results are ranked by relevance, and in title order without `q`; "
                    + "`sort` (`title`, `credits` or `createdAt`, `,desc` to reverse) overrides both. Filters combine; "
                    + "`inAnotherPass` with `exceptPassTypeId` helps choose the items of a pass type. `passBadge` and "
                    + "`passTypeIds` are not filled here.")
    @GetMapping("/programs")
    @PreAuthorize("hasRole('ADMIN')")
    PageResponse<CatalogEntry> adminSearch(
            @Parameter(description = "Search text, web-search syntax: words, \"quoted phrases\", -excluded words")
            @RequestParam(required = false) String q,
            @Parameter(description = "Only programs of this category (matched whole, ignoring case)")
            @RequestParam(required = false) String category, @RequestParam(required = false) ProgramType type,
            @RequestParam(required = false) Delivery delivery,
            @Parameter(description = "Only programs in this catalog")
            @RequestParam(required = false) UUID catalogId,
            @Parameter(description = "Only programs this pass type includes")
            @RequestParam(required = false) UUID passTypeId,
            @Parameter(description = "Only programs in this status; any status when left out")
            @RequestParam(required = false) ProgramStatus status,
            @Parameter(description = "true: only programs that another pass type (not archived, not "
                    + "`exceptPassTypeId`) includes; false: only programs no such pass type includes; no filter when "
                    + "left out")
            @RequestParam(required = false) Boolean inAnotherPass,
            @Parameter(description = "The pass type being edited, which `inAnotherPass` does not count; ignored "
                    + "without `inAnotherPass`")
            @RequestParam(required = false) UUID exceptPassTypeId,
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
    @Operation(summary = "Browse the catalog",
            description = "The published programs as the caller sees them; `q`, the filters and `sort` work as in "
                    + "`GET /programs`. Each carries the caller's `passBadge`: INCLUDED_IN_MY_PASS when an active "
                    + "pass of theirs, not past its expiry date, includes it; INCLUDED_IN_OTHER_PASS when only a "
                    + "published pass type they do not hold does; NONE otherwise. `passTypeIds` lists the published "
                    + "pass types including it and the caller's own. Badges come from the catalog's own copy of "
                    + "passes, so browsing never waits on training-pass-service.")
    @GetMapping("/me/catalog")
    PageResponse<CatalogEntry> myCatalog(
            @Parameter(description = "Search text, web-search syntax: words, \"quoted phrases\", -excluded words")
            @RequestParam(required = false) String q,
            @Parameter(description = "Only programs of this category (matched whole, ignoring case)")
            @RequestParam(required = false) String category, @RequestParam(required = false) ProgramType type,
            @RequestParam(required = false) Delivery delivery,
            @Parameter(description = "Only programs in this catalog")
            @RequestParam(required = false) UUID catalogId,
            @Parameter(description = "Only programs this pass type includes: the catalog narrowed to one pass")
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
