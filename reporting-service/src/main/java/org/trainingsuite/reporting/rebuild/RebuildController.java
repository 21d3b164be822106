package org.trainingsuite.reporting.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Rebuild", description = "Rebuilding every read model from the beginning of the topics, for a new "
        + "projection.sql or to recover; the reports keep answering from the old read models until the swap.")
class RebuildController {

    private final Rebuilder rebuilder;

    RebuildController(Rebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    /** Rebuilds every read model from the beginning of the topics and swaps it in; answers when done. */
    @Operation(summary = "Rebuild the read models",
            description = "Reads every topic from its first offset into a fresh schema with the live event handlers, "
                    + "applies what arrived meanwhile, and swaps the fresh schema in, in one transaction; reports answer "
                    + "from the old one until then. Answers when done, which takes as long as reading every topic: the "
                    + "schema it was built in, events applied and skipped, the time taken and when it was swapped in. Topics must keep their history for the "
                    + "rebuild to be complete.")
    @ApiResponse(responseCode = "200", description = "The rebuild is done and swapped in.")
    @ApiResponse(responseCode = "409", description = "A rebuild is running already, on this instance or another.")
    @PostMapping("/admin/rebuild")
    Rebuilder.Result rebuild() {
        return rebuilder.rebuild();
    }
}
