package io.herald.webadmin.settings;

import io.herald.webadmin.ConsoleMessages;
import io.herald.webadmin.security.ConsoleUser;
import io.herald.workspace.api.AdminRole;
import io.herald.workspace.api.AdminUserService;
import io.herald.workspace.api.AdminUserView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;

/**
 * Settings, users: lists the admin console users and lets an {@code admin} create one. Only {@code
 * admin} may create, checked here as well as hidden in the view. The password is never read back:
 * its getter answers {@code null}, and the bean forgets it once the request has used it. The
 * injected fields are package-private so {@code UsersPageTest} can run this logic with fakes.
 */
@Named
@RequestScoped
public class UsersPage {

  @Inject AdminUserService adminUsers;
  @Inject ConsoleUser user;
  @Inject ConsoleMessages messages;

  private List<AdminUserView> users = List.of();
  private String email;
  private String password;
  private AdminRole role = AdminRole.VIEWER;

  @PostConstruct
  void load() {
    users = adminUsers.users();
  }

  /** Creates a user with the entered email, password and role, if the caller is an admin. */
  public void create() {
    char[] secret = password == null ? new char[0] : password.toCharArray();
    password = null;
    try {
      if (!user.isAdmin()) {
        messages.error("Only admins may create users.");
        return;
      }
      AdminUserView created = adminUsers.create(email, secret, role);
      messages.info(
          "User " + created.email() + " created with role " + created.role().roleName() + ".");
      email = null;
      role = AdminRole.VIEWER;
      load();
    } catch (IllegalArgumentException e) {
      messages.error("User not created: " + e.getMessage() + ".");
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  public List<AdminUserView> getUsers() {
    return users;
  }

  public AdminRole[] getRoles() {
    return AdminRole.values();
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email == null ? null : email.trim();
  }

  /** Always {@code null}: the password field never shows what was typed. */
  public String getPassword() {
    return null;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public AdminRole getRole() {
    return role;
  }

  public void setRole(AdminRole role) {
    this.role = role;
  }
}
