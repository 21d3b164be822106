package org.trainingsuite.trainingpass.pass;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What the pass endpoints answer. */
final class PassResponses {

    private PassResponses() {
    }

    record PassResponse(UUID id, UUID passTypeId, UUID optionId, UUID accountId, String contactId, PassStatus status,
                        LocalDate issuedOn, LocalDate expiresOn, UUID orderId, String opportunityRef, String interestRef,
                        String cancelReason, long version, Instant updatedAt) {

        static PassResponse of(Pass p, LocalDate today) {
            return new PassResponse(p.getId(), p.getPassTypeId(), p.getOptionId(), p.getAccountId(), p.getContactId(),
                    p.statusOn(today), p.getIssuedOn(), p.getExpiresOn(), p.getOrderId(), p.getOpportunityRef(),
                    p.getInterestRef(), p.getCancelReason(), p.getVersion(), p.getUpdatedAt());
        }
    }

    record HistoryResponse(PassHistoryEntry.Action action, Instant at, String actor, String previousContactId,
                           String contactId, LocalDate previousExpiresOn, LocalDate expiresOn, UUID optionId, String note) {

        static HistoryResponse of(PassHistoryEntry e) {
            return new HistoryResponse(e.getAction(), e.getAt(), e.getActor(), e.getPreviousContactId(), e.getContactId(),
                    e.getPreviousExpiresOn(), e.getExpiresOn(), e.getOptionId(), e.getNote());
        }
    }
}
