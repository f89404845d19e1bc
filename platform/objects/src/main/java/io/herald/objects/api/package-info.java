/**
 * The objects module's public contract: {@link io.herald.objects.api.ObjectService} (object types,
 * objects, person and object relationships), its value records, the {@code cio_relationships} and
 * filter parsers other entry points reuse, and {@link
 * io.herald.objects.api.InvalidObjectDataException} naming the offending field.
 */
package io.herald.objects.api;
