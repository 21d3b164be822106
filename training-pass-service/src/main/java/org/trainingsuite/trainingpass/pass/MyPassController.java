package org.trainingsuite.trainingpass.pass;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;
import org.trainingsuite.platform.web.PlatformSecurity;
import org.trainingsuite.trainingpass.passtype.PassType;
import org.trainingsuite.trainingpass.passtype.PassTypeService;

/** A learner's own passes; the person is always the token's subject, never a parameter. */
@RestController
@Tag(name = "My passes", description = "The signed-in learner's own passes and access: always those of the token's "
        + "subject, never of a person named in the request.")
class MyPassController {

    private final PassService passes;
    private final PassTypeService passTypes;

    MyPassController(PassService passes, PassTypeService passTypes) {
        this.passes = passes;
        this.passTypes = passTypes;
    }

    record MyPass(UUID id, UUID passTypeId, String passTypeName, String optionName, PassStatus status,
                  LocalDate issuedOn, LocalDate expiresOn) {
    }

    @GetMapping("/me/passes")
    @Operation(summary = "List my passes", description = "The passes the caller holds: pass type and option names, "
            + "status as of today, issue and expiry dates. The latest expiry comes first.")
    PageResponse<MyPass> myPasses(Authentication auth, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Page<Pass> mine = passes.passesOf(PlatformSecurity.personId(auth),
                Paging.of(page, size, null, Set.of(), Sort.by(Sort.Direction.DESC, "expiresOn").and(Sort.by("id"))));
        Map<UUID, PassType> types = new HashMap<>();
        return PageResponse.of(mine, pass -> view(pass, types.computeIfAbsent(pass.getPassTypeId(), passTypes::get)));
    }

    /** 404 for a pass the caller does not hold, whether it exists or not. */
    @GetMapping("/me/passes/{id}")
    @Operation(summary = "Read one of my passes", description = "One pass the caller holds. A pass the caller does not "
            + "hold is a 404, whether it exists or not.")
    MyPass myPass(@PathVariable UUID id, Authentication auth) {
        Pass pass = passes.getOwn(id, PlatformSecurity.personId(auth));
        return view(pass, passTypes.get(pass.getPassTypeId()));
    }

    @GetMapping("/me/access")
    @Operation(summary = "Check my access to an item", description = "Whether the caller holds a pass, active today, "
            + "whose type includes the catalog item, and which pass: the one running longest when several do.")
    PassService.Access myAccess(@Parameter(description = "The catalog item's id") @RequestParam String itemId,
            Authentication auth) {
        return passes.access(PlatformSecurity.personId(auth), itemId);
    }

    private MyPass view(Pass pass, PassType type) {
        return new MyPass(pass.getId(), type.getId(), type.getName(), type.option(pass.getOptionId()).getName(),
                pass.statusOn(passes.today()), pass.getIssuedOn(), pass.getExpiresOn());
    }
}
