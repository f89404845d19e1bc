/**
 * Console sign-in: the login page's bean (passwords checked by the workspace module's {@code
 * AdminUserService}), {@link io.herald.webadmin.security.SignedIn} kept in the session, the filter
 * that keeps console pages for signed-in users, and the signed-in user with its role and logout.
 * Roles are {@code admin}, {@code editor} and {@code viewer}; only {@code admin} may change
 * settings.
 */
package io.herald.webadmin.security;
