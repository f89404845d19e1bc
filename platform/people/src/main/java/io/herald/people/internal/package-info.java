/**
 * People internals: the person entity (identifier columns plus a JSON attribute document), the
 * parsing and limits of identify bodies, identity resolution, and the service implementation.
 */
package io.herald.people.internal;
