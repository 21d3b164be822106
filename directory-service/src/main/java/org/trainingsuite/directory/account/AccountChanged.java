package org.trainingsuite.directory.account;

import java.util.UUID;

/**
 * Payload of {@code directory.account.created.v1} and {@code directory.account.updated.v1}: the account
 * as it is after the change.
 */
public record AccountChanged(UUID accountId, String name, String externalRef, long version) {

    static AccountChanged of(Account account) {
        return new AccountChanged(account.getId(), account.getName(), account.getExternalRef(), account.getVersion());
    }
}
