package org.trainingsuite.directory.person;

import java.time.Clock;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trainingsuite.directory.DirectoryEventTypes;
import org.trainingsuite.directory.account.AccountService;
import org.trainingsuite.platform.errors.ConflictException;
import org.trainingsuite.platform.errors.InvalidInputException;
import org.trainingsuite.platform.errors.NotFoundException;
import org.trainingsuite.platform.messaging.outbox.Outbox;
import org.trainingsuite.platform.web.LikePattern;

@Service
public class PersonService {

    private final PersonRepository people;
    private final AccountService accounts;
    private final Outbox outbox;
    private final Clock clock;

    PersonService(PersonRepository people, AccountService accounts, Outbox outbox, Clock clock) {
        this.people = people;
        this.accounts = accounts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @param id the person's suite-wide id (their token's subject); a new UUID when null */
    @Transactional
    public Person registerPerson(String id, String name, String email, UUID accountId) {
        String personId = id == null ? UUID.randomUUID().toString() : id;
        if (people.existsById(personId)) {
            throw new ConflictException("a person with id " + personId + " exists already");
        }
        if (people.emailTaken(email)) {
            throw new ConflictException("a person with email " + email + " exists already");
        }
        requireAccount(accountId);
        Person person = people.saveAndFlush(Person.register(personId, name, email, accountId, clock.instant()));
        outbox.record(DirectoryEventTypes.PERSON_CREATED, person.getId(), PersonChanged.of(person));
        return person;
    }

    @Transactional
    public Person updatePerson(String id, String name, String email, UUID accountId, long expectedVersion) {
        Person person = get(id);
        if (person.getVersion() != expectedVersion) {
            throw new OptimisticLockingFailureException("person " + id + " is at version " + person.getVersion());
        }
        if (people.emailTakenByOther(email, id)) {
            throw new ConflictException("a person with email " + email + " exists already");
        }
        requireAccount(accountId);
        if (person.update(name, email, accountId, clock.instant())) {
            people.saveAndFlush(person);
            outbox.record(DirectoryEventTypes.PERSON_UPDATED, person.getId(), PersonChanged.of(person));
        }
        return person;
    }

    @Transactional(readOnly = true)
    public Person get(String id) {
        return people.findById(id).orElseThrow(() -> NotFoundException.of("person", id));
    }

    @Transactional(readOnly = true)
    public Page<Person> search(String query, UUID accountId, Pageable pageable) {
        return people.search(LikePattern.contains(query), accountId == null, accountId, pageable);
    }

    private void requireAccount(UUID accountId) {
        if (accountId != null && !accounts.exists(accountId)) {
            throw new InvalidInputException("accountId", "no account " + accountId);
        }
    }
}
