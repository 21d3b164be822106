package org.trainingsuite.directory.account;

import java.time.Clock;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trainingsuite.directory.DirectoryEventTypes;
import org.trainingsuite.platform.errors.ConflictException;
import org.trainingsuite.platform.errors.NotFoundException;
import org.trainingsuite.platform.messaging.outbox.Outbox;
import org.trainingsuite.platform.web.LikePattern;

@Service
public class AccountService {

    private final AccountRepository accounts;
    private final Outbox outbox;
    private final Clock clock;

    AccountService(AccountRepository accounts, Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Account openAccount(String name, String externalRef) {
        if (externalRef != null && accounts.existsByExternalRef(externalRef)) {
            throw new ConflictException("an account with external reference " + externalRef + " exists already");
        }
        Account account = accounts.saveAndFlush(Account.open(name, externalRef, clock.instant()));
        outbox.record(DirectoryEventTypes.ACCOUNT_CREATED, account.getId().toString(), AccountChanged.of(account));
        return account;
    }

    @Transactional
    public Account renameAccount(UUID id, String name, String externalRef, long expectedVersion) {
        Account account = get(id);
        if (account.getVersion() != expectedVersion) {
            throw new OptimisticLockingFailureException("account " + id + " is at version " + account.getVersion());
        }
        if (externalRef != null && !externalRef.equals(account.getExternalRef()) && accounts.existsByExternalRef(externalRef)) {
            throw new ConflictException("an account with external reference " + externalRef + " exists already");
        }
        if (account.rename(name, externalRef, clock.instant())) {
            accounts.saveAndFlush(account);
            outbox.record(DirectoryEventTypes.ACCOUNT_UPDATED, account.getId().toString(), AccountChanged.of(account));
        }
        return account;
    }

    @Transactional(readOnly = true)
    public Account get(UUID id) {
        return accounts.findById(id).orElseThrow(() -> NotFoundException.of("account", id));
    }

    @Transactional(readOnly = true)
    public Page<Account> search(String query, Pageable pageable) {
        return accounts.search(LikePattern.contains(query), pageable);
    }

    @Transactional(readOnly = true)
    public boolean exists(UUID id) {
        return accounts.existsById(id);
    }
}
