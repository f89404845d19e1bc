/** MicroProfile Health checks owned by the app: database and start-up readiness, liveness. */
package io.herald.app.health;
