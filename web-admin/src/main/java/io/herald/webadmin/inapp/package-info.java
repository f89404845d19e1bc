/**
 * The in-app demo page: send a test in-app message to a person and see it in this browser through
 * the JavaScript SDK. It uses {@code io.herald.inapp.api}, {@code io.herald.people.api} and {@code
 * io.herald.workspace.api} only.
 */
package io.herald.webadmin.inapp;
