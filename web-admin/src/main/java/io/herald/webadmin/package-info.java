/**
 * The Herald admin console (Jakarta Faces with PrimeFaces), served under {@code /admin/*}: the
 * shared pieces (paths, the {@code /admin/} entry redirect, display formatting, messages to the
 * operator) and the dashboard's backing bean. Feature pages live in sub-packages; every bean talks
 * to other modules only through their {@code api} packages.
 */
package io.herald.webadmin;
