package io.herald.people.internal;

import io.herald.people.api.DeviceResult;
import io.herald.people.api.DeviceResult.Outcome;
import io.herald.people.api.DeviceView;
import io.herald.people.api.DevicesChanged;
import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import io.herald.shared.crypto.Tokens;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Device writes, each in one transaction: resolve (or create) the person, then add, update, move or
 * remove the device. A token is unique per workspace, so adding it to a person takes it from
 * whoever had it.
 */
@ApplicationScoped
public class DeviceWriter {

  @Inject PersonRepository people;

  @Inject DeviceRepository devices;

  @Inject SuppressionRepository suppressions;

  @Inject Clock clock;

  @Inject Event<DevicesChanged> devicesChanged;

  /** Adds or updates one device; see {@code PeopleService#addDevice}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public DeviceResult add(long workspaceId, PersonRef ref, DeviceChange change) {
    if (suppressions.suppressed(workspaceId, ref)) {
      return new DeviceResult(Outcome.SKIPPED_SUPPRESSED, null);
    }
    Instant now = clock.instant();
    Optional<Person> found = people.find(workspaceId, ref);
    if (found.isEmpty() && ref.type() == IdType.CIO_ID) {
      return new DeviceResult(Outcome.SKIPPED_UNKNOWN_CIO_ID, null);
    }
    Person person =
        found.orElseGet(
            () -> {
              Person created = Person.forPath(workspaceId, Tokens.randomHex(8), ref, now);
              people.add(created);
              people.flush(); // assigns the row id the device refers to
              return created;
            });
    Optional<Device> existing = devices.findByToken(workspaceId, change.token());
    Outcome outcome;
    if (existing.isEmpty()) {
      devices.add(new Device(workspaceId, person.id(), change, now));
      outcome = Outcome.ADDED;
    } else {
      Device device = existing.get();
      outcome = device.personId() == person.id() ? Outcome.UPDATED : Outcome.MOVED;
      if (outcome == Outcome.MOVED) {
        people
            .cioIdOf(device.personId())
            .ifPresent(
                previous ->
                    devicesChanged.fire(
                        new DevicesChanged(new WorkspaceId(workspaceId), previous)));
      }
      device.apply(person.id(), change, now);
    }
    devices.flush();
    devicesChanged.fire(new DevicesChanged(new WorkspaceId(workspaceId), person.cioId()));
    return new DeviceResult(outcome, person.cioId());
  }

  /** Removes one device from one person; see {@code PeopleService#deleteDevice}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean delete(long workspaceId, PersonRef ref, String token) {
    Optional<Person> person = people.find(workspaceId, ref);
    if (person.isEmpty()) {
      return false;
    }
    Optional<Device> device =
        devices.findByToken(workspaceId, token).filter(d -> d.personId() == person.get().id());
    device.ifPresent(devices::remove);
    device.ifPresent(
        d ->
            devicesChanged.fire(
                new DevicesChanged(new WorkspaceId(workspaceId), person.get().cioId())));
    return device.isPresent();
  }

  /** The devices of the person {@code ref} points at. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<DeviceView> of(long workspaceId, PersonRef ref) {
    return people
        .find(workspaceId, ref)
        .map(p -> devices.ofPerson(p.id()).stream().map(Device::view).toList())
        .orElse(List.of());
  }
}
