package io.herald.workspace.internal;

import io.herald.workspace.api.AdminRole;
import io.herald.workspace.api.AdminUserView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** An admin console user with a PBKDF2 password hash. */
@Entity
@Table(name = "workspace_admin_user")
@NamedQuery(name = "AdminUser.byEmail", query = "SELECT u FROM AdminUser u WHERE u.email = :email")
@NamedQuery(name = "AdminUser.all", query = "SELECT u FROM AdminUser u ORDER BY u.email")
public class AdminUser {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 254)
  private String email;

  @Column(name = "password_hash", nullable = false, length = 512)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private AdminRole role;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected AdminUser() {}

  AdminUser(String email, String passwordHash, AdminRole role, Instant createdAt) {
    this.email = email;
    this.passwordHash = passwordHash;
    this.role = role;
    this.createdAt = createdAt;
  }

  String passwordHash() {
    return passwordHash;
  }

  AdminUserView view() {
    return new AdminUserView(id, email, role, createdAt);
  }
}
