/** Shared harness of the container tests: the deployment and the values Herald was started with. */
package io.herald.app.it;
