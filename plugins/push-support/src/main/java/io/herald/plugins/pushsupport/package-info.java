/** What the FCM and APNs push plugins share (bundled in each plugin zip). */
package io.herald.plugins.pushsupport;
