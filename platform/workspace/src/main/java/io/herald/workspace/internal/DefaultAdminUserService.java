package io.herald.workspace.internal;

import io.herald.workspace.api.AdminRole;
import io.herald.workspace.api.AdminUserService;
import io.herald.workspace.api.AdminUserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Admin users with Jakarta Security's PBKDF2 hashes (HMAC-SHA256, 210 000 iterations). */
@ApplicationScoped
@Transactional
public class DefaultAdminUserService implements AdminUserService {

  static final int MIN_PASSWORD_LENGTH = 12;

  /** A valid hash of a random password, checked when the email is unknown (equal timing). */
  private String decoyHash;

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject Clock clock;

  @Inject Pbkdf2PasswordHash hasher;

  @jakarta.annotation.PostConstruct
  void init() {
    hasher.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "16",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    decoyHash = hasher.generate(io.herald.shared.crypto.Tokens.randomHex(16).toCharArray());
  }

  @Override
  public AdminUserView create(String email, char[] password, AdminRole role) {
    String normalized = normalize(email);
    if (!normalized.matches("[^@\\s]+@[^@\\s]+")) {
      throw new IllegalArgumentException("email is not an email address");
    }
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw new IllegalArgumentException(
          "password must be at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (byEmail(normalized).isPresent()) {
      throw new IllegalArgumentException("an admin user with this email exists");
    }
    AdminUser user = new AdminUser(normalized, hasher.generate(password), role, clock.instant());
    em.persist(user);
    em.flush();
    return user.view();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<AdminUserView> verify(String email, char[] password) {
    Optional<AdminUser> user = byEmail(normalize(email));
    String hash = user.map(AdminUser::passwordHash).orElse(decoyHash);
    boolean matches = hasher.verify(password, hash);
    return matches ? user.map(AdminUser::view) : Optional.empty();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AdminUserView> users() {
    return em.createNamedQuery("AdminUser.all", AdminUser.class)
        .getResultStream()
        .map(AdminUser::view)
        .toList();
  }

  private Optional<AdminUser> byEmail(String email) {
    return em.createNamedQuery("AdminUser.byEmail", AdminUser.class)
        .setParameter("email", email)
        .getResultStream()
        .findFirst();
  }

  private static String normalize(String email) {
    return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
  }
}
