/**
 * Browser tests of the admin console: Selenium drives headless Debian Chromium against the WAR
 * deployed on Payara Micro, signing in as the bootstrap admin and checking what each page shows.
 */
package io.herald.app.ui;
