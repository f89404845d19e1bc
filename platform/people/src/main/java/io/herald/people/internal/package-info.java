/**
 * People internals: the person entity (identifier columns plus a JSON attribute document), the
 * device entity, the parsing and limits of identify bodies and device objects, identity resolution,
 * and the service implementation.
 */
package io.herald.people.internal;
