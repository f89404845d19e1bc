/**
 * Console sign-in: the Jakarta Security custom form mechanism (the identity store itself belongs to
 * the workspace module), the login page's bean, and the signed-in user with its role and logout.
 * Roles are {@code admin}, {@code editor} and {@code viewer}; only {@code admin} may change
 * settings.
 */
package io.herald.webadmin.security;
