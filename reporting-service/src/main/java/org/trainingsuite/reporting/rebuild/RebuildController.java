package org.trainingsuite.reporting.rebuild;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasRole('ADMIN')")
class RebuildController {

    private final Rebuilder rebuilder;

    RebuildController(Rebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    /** Rebuilds every read model from the beginning of the topics and swaps it in; answers when done. */
    @PostMapping("/admin/rebuild")
    Rebuilder.Result rebuild() {
        return rebuilder.rebuild();
    }
}
