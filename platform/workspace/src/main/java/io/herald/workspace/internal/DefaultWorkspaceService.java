package io.herald.workspace.internal;

import io.herald.shared.crypto.Tokens;
import io.herald.workspace.api.AdminRole;
import io.herald.workspace.api.AdminUserService;
import io.herald.workspace.api.BootstrapRequest;
import io.herald.workspace.api.BootstrapResult;
import io.herald.workspace.api.CredentialKind;
import io.herald.workspace.api.CredentialView;
import io.herald.workspace.api.IssuedCredential;
import io.herald.workspace.api.UnknownCredentialException;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import io.herald.workspace.api.WorkspaceView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Workspaces and credentials on JPA. */
@ApplicationScoped
@Transactional
public class DefaultWorkspaceService implements WorkspaceService {

  static final String DEFAULT_SLUG = "default";

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject Clock clock;

  @Inject AdminUserService adminUsers;

  @Inject CredentialChecks checks;

  @Inject Event<CredentialRevoked> revoked;

  @Override
  public List<WorkspaceView> workspaces() {
    return em.createQuery("SELECT w FROM Workspace w ORDER BY w.id", Workspace.class)
        .getResultStream()
        .map(Workspace::view)
        .toList();
  }

  @Override
  public Optional<WorkspaceView> defaultWorkspace() {
    return em.createQuery("SELECT w FROM Workspace w WHERE w.slug = :slug", Workspace.class)
        .setParameter("slug", DEFAULT_SLUG)
        .getResultStream()
        .findFirst()
        .map(Workspace::view);
  }

  @Override
  public Optional<BootstrapResult> bootstrap(BootstrapRequest request) {
    Long existing =
        em.createQuery("SELECT COUNT(w) FROM Workspace w", Long.class).getSingleResult();
    if (existing > 0) {
      return Optional.empty();
    }
    String siteId = SecretGenerator.siteIdOrNew(request.siteId());
    String trackKey =
        SecretGenerator.secretOrNew(
            CredentialKind.TRACK, request.trackApiKey(), "HERALD_BOOTSTRAP_TRACK_API_KEY");
    String appKey =
        SecretGenerator.secretOrNew(
            CredentialKind.APP, request.appApiKey(), "HERALD_BOOTSTRAP_APP_API_KEY");
    String writeKey =
        SecretGenerator.secretOrNew(
            CredentialKind.PIPELINES, request.writeKey(), "HERALD_BOOTSTRAP_WRITE_KEY");
    String adminEmail = request.adminEmail().orElse("admin@herald.local");
    String adminPassword = request.adminPassword().orElseGet(() -> Tokens.randomAlphanumeric(20));

    Workspace workspace = new Workspace(DEFAULT_SLUG, "Default workspace", clock.instant());
    em.persist(workspace);
    em.flush(); // the unique slug makes a concurrent bootstrap on another node fail here
    long id = workspace.id();
    store(id, CredentialKind.TRACK, "Default Track API key", siteId, trackKey);
    store(id, CredentialKind.APP, "Default App API key", null, appKey);
    store(id, CredentialKind.PIPELINES, "Default Pipelines write key", null, writeKey);
    adminUsers.create(adminEmail, adminPassword.toCharArray(), AdminRole.ADMIN);
    return Optional.of(
        new BootstrapResult(
            workspace.view(), siteId, trackKey, appKey, writeKey, adminEmail, adminPassword));
  }

  @Override
  public IssuedCredential issueCredential(WorkspaceId workspace, CredentialKind kind, String name) {
    String label = name == null ? "" : name.trim();
    if (label.isEmpty() || label.length() > 100) {
      throw new IllegalArgumentException("name must be 1 to 100 characters");
    }
    if (em.find(Workspace.class, workspace.value()) == null) {
      throw new IllegalArgumentException("no workspace with id " + workspace.value());
    }
    String siteId = kind == CredentialKind.TRACK ? SecretGenerator.newSiteId() : null;
    String secret = SecretGenerator.newSecret(kind);
    Credential credential = store(workspace.value(), kind, label, siteId, secret);
    return new IssuedCredential(credential.view(), secret);
  }

  private Credential store(
      long workspaceId, CredentialKind kind, String name, String siteId, String secret) {
    Credential credential =
        new Credential(
            workspaceId,
            kind,
            name,
            siteId,
            Tokens.sha256(secret),
            Tokens.mask(secret),
            clock.instant());
    em.persist(credential);
    em.flush();
    return credential;
  }

  @Override
  public List<CredentialView> credentials(WorkspaceId workspace) {
    return em.createNamedQuery("Credential.byWorkspace", Credential.class)
        .setParameter("ws", workspace.value())
        .getResultStream()
        .map(Credential::view)
        .toList();
  }

  @Override
  public void revokeCredential(WorkspaceId workspace, long credentialId) {
    Credential credential = em.find(Credential.class, credentialId);
    if (credential == null || credential.workspaceId() != workspace.value()) {
      throw new UnknownCredentialException(credentialId);
    }
    credential.revoke(clock.instant());
    // At once, and again after the commit (a request reading the row meanwhile would re-cache it).
    checks.forget(credential.kind(), credential.secretHash());
    revoked.fire(new CredentialRevoked(credential.kind(), credential.secretHash()));
  }

  @Override
  public OptionalInt apiRequestsPerSecond(WorkspaceId workspace) {
    Workspace w = em.find(Workspace.class, workspace.value());
    return w == null || w.apiRequestsPerSecond() == null
        ? OptionalInt.empty()
        : OptionalInt.of(w.apiRequestsPerSecond());
  }

  @Override
  @Transactional
  public void setApiRequestsPerSecond(WorkspaceId workspace, OptionalInt limit) {
    if (limit.isPresent() && (limit.getAsInt() < 1 || limit.getAsInt() > 1_000_000)) {
      throw new IllegalArgumentException("api_requests_per_second must be 1 to 1000000");
    }
    Workspace w = em.find(Workspace.class, workspace.value());
    if (w == null) {
      throw new IllegalArgumentException("no workspace " + workspace.value());
    }
    w.apiRequestsPerSecond(limit.isPresent() ? limit.getAsInt() : null);
  }

  @Override
  public ZoneId timeZone(WorkspaceId workspace) {
    Workspace w = em.find(Workspace.class, workspace.value());
    if (w == null) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(w.timezone());
    } catch (DateTimeException e) {
      // A zone this JVM's time zone data no longer knows: UTC rather than failing every read.
      return ZoneId.of("UTC");
    }
  }

  @Override
  @Transactional
  public void setTimeZone(WorkspaceId workspace, ZoneId zone) {
    Workspace w = em.find(Workspace.class, workspace.value());
    if (w == null) {
      throw new IllegalArgumentException("no workspace " + workspace.value());
    }
    w.timezone(zone.getId());
  }
}
